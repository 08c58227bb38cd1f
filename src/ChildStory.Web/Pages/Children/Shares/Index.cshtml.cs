using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Shares;

/// <summary>Every share about a child, with each recipient's state: what the team around the child was told, and who has not answered.</summary>
public sealed class IndexModel(ChildShares shares, ChildStoryDbContext db, IActorAccessor actors) : PageModel
{
    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<ChildShare> Shares { get; private set; } = [];
    public bool CanShare => actors.Current.PractitionerId is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await shares.RunAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        ChildId = id;
        ChildName = await db.People.Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        Shares = result.Value;
        return Page();
    }
}
