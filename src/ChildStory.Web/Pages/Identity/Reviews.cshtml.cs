using ChildStory.Data;
using ChildStory.Features.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Identity;

/// <summary>The front door's queue of uncertain identity matches, oldest first.</summary>
public sealed class ReviewsModel(IdentityQueries queries, IActorAccessor actors) : PageModel
{
    public IReadOnlyList<IdentityQueries.ReviewRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await queries.OpenReviewsAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return Forbid();
        }
        Rows = result.Value;
        return Page();
    }
}
