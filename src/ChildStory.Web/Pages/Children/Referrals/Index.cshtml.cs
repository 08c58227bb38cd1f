using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Referrals;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Referrals;

/// <summary>A child's referrals, how long each has waited against its target, and the form to make a new one.</summary>
public sealed class IndexModel(ReferralFormOptions options, ReferralQueries queries, MakeReferral make, IActorAccessor actors) : PageModel
{
    [BindProperty] public Guid? ServiceId { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool CriticalMoment { get; set; }
    [BindProperty] public string? CriticalNote { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<WaitingChild> Referrals { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Services { get; private set; } = [];
    public bool CanRefer => actors.Current.PractitionerId is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await make.RunAsync(actors.Current, id, ServiceId, Reason, CriticalMoment, CriticalNote, ct);
        if (result.Succeeded)
        {
            return Redirect($"/referrals/{result.Value}?made=1");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        ModelState.AddErrors(result.Error);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var form = await options.LoadAsync(actors.Current, id, ct);
        var result = form.Succeeded ? await queries.ForChildAsync(actors.Current, id, ct) : form.Error!;
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName, Services) = (id, form.Value.ChildName, form.Value.Services);
        Referrals = result.Value;
        return null;
    }
}
