using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.FrontDoor;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.FrontDoor;

/// <summary>One contact, and the front door's decision on it with the rationale.</summary>
public sealed class ContactModel(FrontDoorQueue queue, DecideContact decide, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Rationale { get; set; }

    public QueuedContact? Contact { get; private set; }
    public bool Decided { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await decide.RunAsync(actors.Current, id, Decision, Rationale, ct);
        if (result.Succeeded)
        {
            Decided = true;
        }
        else if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        else if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        else if (result.Error.Kind is ErrorKind.Validation) { ModelState.AddErrors(result.Error); }
        else { ModelState.AddModelError(string.Empty, result.Error.Title); }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queue.GetAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Contact = result.Value;
        return null;
    }
}
