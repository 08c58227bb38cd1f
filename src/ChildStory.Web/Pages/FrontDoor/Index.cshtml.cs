using ChildStory.Data;
using ChildStory.Features.FrontDoor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.FrontDoor;

/// <summary>The front-door queue: contacts awaiting a decision (due within one working day), overdue first to the eye, and recent decisions.</summary>
public sealed class IndexModel(FrontDoorQueue queue, IActorAccessor actors) : PageModel
{
    public ContactQueue? Queue { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await queue.RunAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return Forbid();
        }
        Queue = result.Value;
        return Page();
    }
}
