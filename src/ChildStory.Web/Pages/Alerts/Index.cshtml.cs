using ChildStory.Data;
using ChildStory.Features.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Alerts;

/// <summary>Alerts waiting for a decision about the children the practitioner's team or agency works with.</summary>
public sealed class IndexModel(AlertQueries queries, IActorAccessor actors) : PageModel
{
    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await queries.MineAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Alerts = result.Value;
        return Page();
    }
}
