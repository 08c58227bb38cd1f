using ChildStory.Data;
using ChildStory.Features.Escalation;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Differences;

/// <summary>My professional differences: awaiting my response, about my agency, raised by me.</summary>
public sealed class IndexModel(DifferenceQueries queries, IActorAccessor actors) : PageModel
{
    public MyDifferences? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Mine = await queries.MineAsync(actors.Current, ct);
}
