using ChildStory.Data;
using ChildStory.Features.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Shares;

/// <summary>Downloads one file sent with a share, for the share's readers only; audited.</summary>
public sealed class AttachmentModel(OpenShare open, IActorAccessor actors) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var result = await open.AttachmentAsync(actors.Current, id, attachmentId, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        var (fileName, contentType, content) = result.Value;
        Response.Headers["X-Content-Type-Options"] = "nosniff";
        return File(content, contentType, fileName);
    }
}
