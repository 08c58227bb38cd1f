using ChildStory.Data;
using ChildStory.Features.Escalation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Differences;

/// <summary>A child's professional differences, and what is stuck for the child with the offer to raise one.</summary>
public sealed class IndexModel(DifferenceQueries queries, StuckItems stuck, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<DifferenceRow> Differences { get; private set; } = [];
    public IReadOnlyList<StuckItem> Stuck { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var rows = await queries.ForChildAsync(actors.Current, id, ct);
        if (!rows.Succeeded)
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await queries.ChildNameAsync(id, ct);
        Differences = rows.Value;
        Stuck = (await stuck.ForChildAsync(actors.Current, id, ct)).Value;
        return Page();
    }
}
