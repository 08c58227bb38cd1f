using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Features.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Alerts;

/// <summary>Every alert the safeguarding rules raised about a child, and what people decided.</summary>
public sealed class IndexModel(ChildHeading heading, AlertQueries queries, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<AlertView> Alerts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        var result = child.Succeeded ? await queries.ForChildAsync(actors.Current, id, ct) : child.Error!;
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        Alerts = result.Value;
        return Page();
    }
}
