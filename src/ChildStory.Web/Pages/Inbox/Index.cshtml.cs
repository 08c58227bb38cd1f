using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Inbox;

/// <summary>The practitioner's inbox: needs my action, waiting on others, late, and notifications.</summary>
public sealed class IndexModel(GetInbox inbox, IActorAccessor actors) : PageModel
{
    public Features.Sharing.Inbox? Box { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await inbox.RunAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return Forbid();
        }
        Box = result.Value;
        return Page();
    }
}
