using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Plans;

/// <summary>A child's plans, current and past, with what each is missing.</summary>
public sealed class IndexModel(ChildHeading heading, PlanQueries queries, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        var result = child.Succeeded ? await queries.ForChildAsync(actors.Current, id, ct) : child.Error!;
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        Plans = result.Value;
        return Page();
    }
}
