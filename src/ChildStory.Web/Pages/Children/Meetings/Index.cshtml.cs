using ChildStory.Data;
using ChildStory.Features.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Meetings;

/// <summary>A child's meetings, next and past, with notice, reports and outcomes.</summary>
public sealed class IndexModel(MeetingQueries queries, ChildStoryDbContext db, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        Meetings = result.Value;
        return Page();
    }
}
