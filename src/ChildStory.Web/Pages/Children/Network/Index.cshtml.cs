using ChildStory.Data;
using ChildStory.Features.Mapping;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Network;

/// <summary>A child's peers, places and the people around them, to depth two: a map and the same in tables.</summary>
public class IndexModel(PeerNetwork network, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Depth { get; set; } = 2;
    [BindProperty(SupportsGet = true)] public bool Ended { get; set; }

    public NetworkView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await network.LoadAsync(actors.Current, id, Depth, Ended, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        View = result.Value;
        Depth = View.Depth;
        return Page();
    }
}
