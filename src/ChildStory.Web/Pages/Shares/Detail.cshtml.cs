using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Shares;

/// <summary>A share: the message, and per recipient sent, read, acknowledged, actioned, late; recipients answer here.</summary>
public sealed class DetailModel(OpenShare open, AcknowledgeShare acknowledge, RecordShareAction record, IActorAccessor actors) : PageModel
{
    [BindProperty] public Guid RecipientId { get; set; }
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public bool NoActionNeeded { get; set; }
    [FromQuery(Name = "sent")] public int? Sent { get; set; }

    public ShareView? Share { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var result = await acknowledge.RunAsync(actors.Current, id, RecipientId, ct);
        return await AfterAsync(id, result, "Acknowledged. The sender has been told.", ct);
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct)
    {
        var result = await record.RunAsync(actors.Current, id, RecipientId, Action, NoActionNeeded, ct);
        return await AfterAsync(id, result, "Your action is recorded. The sender has been told.", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Done = done;
        }
        else if (result.Error!.Kind is ErrorKind.NotFound)
        {
            return NotFound();
        }
        else if (result.Error.Kind is ErrorKind.Validation)
        {
            ModelState.AddErrors(result.Error);
        }
        else
        {
            // Not a recipient, or somebody answered first: say so on the page, change nothing.
            ModelState.AddModelError(string.Empty, result.Error.Title);
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var opened = await open.RunAsync(actors.Current, id, ct);
        if (!opened.Succeeded)
        {
            return NotFound();
        }
        Share = opened.Value;
        return null;
    }
}
