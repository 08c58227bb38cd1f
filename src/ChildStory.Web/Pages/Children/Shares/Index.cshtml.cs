using ChildStory.Data;
using ChildStory.Features.Children;
using ChildStory.Features.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Shares;

/// <summary>Every share about a child, with each recipient's state: what the team around the child was told, and who has not answered.</summary>
public sealed class IndexModel(ChildHeading heading, ChildShares shares, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<ChildShare> Shares { get; private set; } = [];
    public bool CanShare => actors.Current.PractitionerId is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        var result = child.Succeeded ? await shares.RunAsync(actors.Current, id, ct) : child.Error!;
        if (!result.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        Shares = result.Value;
        return Page();
    }
}
