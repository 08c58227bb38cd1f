using ChildStory.Data;
using ChildStory.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Plans;

/// <summary>A child's plans, current and past, with what each is missing.</summary>
public sealed class IndexModel(PlanQueries queries, ChildStoryDbContext db, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        Plans = result.Value;
        return Page();
    }
}
