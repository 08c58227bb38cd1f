using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Identity;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Identity;

/// <summary>One uncertain match, side by side, with the decision: the same child, or not.</summary>
public sealed class ReviewModel(IdentityQueries queries, DecideMatch decide, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IdentityQueries.ReviewDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (Decision is not ("same" or "different"))
        {
            ModelState.AddModelError(nameof(Decision), "Say whether this is the same child");
        }
        else
        {
            var result = await decide.RunAsync(actors.Current, id, new DecideMatch.Decision(Decision == "same", Note), ct);
            if (result.Succeeded)
            {
                return Redirect($"/identity/reviews/{id}");
            }
            if (result.Error!.Kind == ErrorKind.Forbidden) { return Forbid(); }
            if (result.Error.Kind == ErrorKind.NotFound) { return NotFound(); }
            ModelState.AddErrors(result.Error);
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.ReviewAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
        Detail = result.Value;
        return null;
    }
}
