using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Chronology;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>The child's story: every agency's events in one chronology, filtered, counted over periods and pictured.</summary>
public sealed class IndexModel(GetStory get, IActorAccessor actors) : PageModel
{
    public Features.Chronology.Story? Story { get; private set; }
    public StoryQuery Query { get; private set; } = new();
    public Guid ChildId { get; private set; }

    [BindProperty(SupportsGet = true)] public Guid? Added { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Amended { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        ChildId = id;
        Query = StoryQuery.FromRequest(Request.Query);
        var filter = Query.ToFilter();
        if (!filter.Succeeded)
        {
            // A bad filter still shows the story, unfiltered, with the filter's errors at the top.
            ModelState.AddErrors(filter.Error!);
            Query = new StoryQuery();
        }
        var result = await get.RunAsync(actors.Current, id, filter.Succeeded ? filter.Value : StoryFilter.All, ct);
        if (!result.Succeeded)
        {
            return result.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
        Story = result.Value;
        return Page();
    }
}
