using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages;

public sealed class IndexModel(MyCaseload caseload, GlassBreakReviews reviews, IActorAccessor actors, Features.Exploitation.PossibleVictim victims) : PageModel
{
    public IReadOnlyList<MyCaseload.Item> Caseload { get; private set; } = [];
    public int PendingReviews { get; private set; }

    /// <summary>Children on the caseload flagged as possible victims of exploitation.</summary>
    public IReadOnlyDictionary<Guid, Features.Exploitation.PossibleVictim.Marker> Markers { get; private set; } = new Dictionary<Guid, Features.Exploitation.PossibleVictim.Marker>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Caseload = await caseload.RunAsync(actors.Current, ct);
        Markers = await victims.ForAsync(Caseload.Select(c => c.ChildId).ToList(), ct);
        PendingReviews = await reviews.PendingCountAsync(actors.Current, ct);
    }
}
