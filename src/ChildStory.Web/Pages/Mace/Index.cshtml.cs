using ChildStory.Data;
using ChildStory.Features.Exploitation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Mace;

/// <summary>The partnership's MACE view.</summary>
public sealed class IndexModel(MaceOverview overview, IActorAccessor actors) : PageModel
{
    public MaceView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await overview.RunAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        View = result.Value;
        return Page();
    }
}
