using ChildStory.Data;
using ChildStory.Features.TeamAroundChild;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Team;

/// <summary>The signed-in practitioner's team: what is overdue or due soon, children without a lead or not seen, and how contact is spread.</summary>
public sealed class IndexModel(TeamOverview overview, Features.Escalation.StuckItems stuck, IActorAccessor actors) : PageModel
{
    public TeamView? Team { get; private set; }

    public IReadOnlyList<Features.Escalation.StuckItem>? Stuck { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await overview.RunAsync(actors.Current, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Team = result.Value;
        // Where things are stuck for the team's children, for managers to offer the escalation route (resolution of professional differences).
        if (actors.Current.IsInRole(Common.Roles.Manager))
        {
            Stuck = (await stuck.ForVisibleChildrenAsync(actors.Current, ct)).Take(200).ToList();
        }
        return Page();
    }
}
