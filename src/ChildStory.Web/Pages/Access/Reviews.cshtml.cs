using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Features.Access;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Access;

public sealed class ReviewsModel(GlassBreakReviews reviews, ReviewGlassBreak review, IActorAccessor actors) : PageModel
{
    [BindProperty] public Guid GlassBreakId { get; set; }
    [BindProperty] public GlassBreakOutcome? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }

    public IReadOnlyList<GlassBreakReviews.Item> Pending { get; private set; } = [];
    public IReadOnlyList<GlassBreakReviews.Item> Reviewed { get; private set; } = [];
    public Guid? ErrorsFor { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await review.RunAsync(actors.Current, new ReviewGlassBreak.Command(GlassBreakId, Outcome, Note), ct);
        if (result.Succeeded)
        {
            return RedirectToPage();
        }
        if (result.Error!.Kind == ChildStory.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }
        ErrorsFor = GlassBreakId;
        ModelState.AddErrors(result.Error);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Pending = await reviews.PendingAsync(actors.Current, ct);
        Reviewed = await reviews.RecentlyReviewedAsync(actors.Current, 20, ct);
    }
}
