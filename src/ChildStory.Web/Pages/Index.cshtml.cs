using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages;

public sealed class IndexModel(MyCaseload caseload, GlassBreakReviews reviews, IActorAccessor actors) : PageModel
{
    public IReadOnlyList<MyCaseload.Item> Caseload { get; private set; } = [];
    public int PendingReviews { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Caseload = await caseload.RunAsync(actors.Current, ct);
        PendingReviews = await reviews.PendingCountAsync(actors.Current, ct);
    }
}
