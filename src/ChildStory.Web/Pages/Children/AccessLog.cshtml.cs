using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children;

public sealed class AccessLogModel(GetChildAccessLog get, IActorAccessor actors) : PageModel
{
    public GetChildAccessLog.Log Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, int? page, CancellationToken ct)
    {
        var result = await get.RunAsync(actors.Current, id, page ?? 1, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Log = result.Value;
        return Page();
    }

    public static string Describe(string action) => action switch
    {
        AuditActions.ChildViewed => "Viewed the record",
        AuditActions.ChildAccessDenied => "Tried to open the record and was refused",
        AuditActions.GlassBroken => "Broke the glass",
        AuditActions.GlassBreakReviewed => "Reviewed broken-glass access",
        AuditActions.ChildChanged => "Changed the record",
        AuditActions.AccessLogViewed => "Read this access log",
        _ => action,
    };
}
