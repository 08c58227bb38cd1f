using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Features.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Meetings;

/// <summary>A child's meetings, next and past, with notice, reports and outcomes.</summary>
public sealed class IndexModel(ChildHeading heading, MeetingQueries queries, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        if (!child.Succeeded)
        {
            return NotFound();
        }
        var result = await queries.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        Meetings = result.Value;
        return Page();
    }
}
