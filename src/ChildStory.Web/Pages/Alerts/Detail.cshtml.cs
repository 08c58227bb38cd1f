using ChildStory.Data;
using ChildStory.Domain.Rules;
using ChildStory.Features.Rules;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Alerts;

/// <summary>One alert: its rule, evidence and guidance; the team records what was decided.</summary>
public sealed class DetailModel(GetAlert alerts, DecideAlert decide, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Outcome { get; set; }

    public AlertView? Alert { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await decide.RunAsync(actors.Current, id, FormInput.Choice<AlertStatus>(Decision), Outcome, ct);
        if (result.Succeeded)
        {
            Done = "Decision recorded in the child's story.";
        }
        else if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var alert = await alerts.LoadAsync(actors.Current, id, ct);
        Alert = alert.Succeeded ? alert.Value : null;
        return Alert is null ? NotFound() : null;
    }

    public string Link(Evidence e) => e.Kind switch
    {
        "Event" => $"/children/{Alert!.ChildId}/story/{e.Id}",
        "Involvement" => $"/children/{Alert!.ChildId}/team",
        "Referral" => $"/referrals/{e.Id}",
        _ => $"/children/{Alert!.ChildId}",
    };
}
