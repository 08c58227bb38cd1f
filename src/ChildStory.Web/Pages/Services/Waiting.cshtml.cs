using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Services;

/// <summary>A service's waiting list: who is waiting, for how long, at which step, against target (critical moments first).</summary>
public sealed class WaitingModel(ReferralQueries queries, IActorAccessor actors) : PageModel
{
    public ServiceWaits? Waits { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.WaitingListAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind == ErrorKind.NotFound ? NotFound() : Forbid();
        }
        Waits = result.Value;
        return Page();
    }
}
