using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Plans;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Actions;

/// <summary>Records progress on one agreed action, or that it is done or no longer needed.</summary>
public sealed class DetailModel(UpdateAction update, ChildStoryDbContext db, Features.Access.ChildAccess access, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Progress { get; set; }

    public AgreedAction? Action { get; private set; }
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await update.RunAsync(actors.Current, id, FormInput.Choice<ActionStatus>(Status), Progress, ct);
        if (result.Succeeded)
        {
            var action = await db.AgreedActions.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            return Redirect(action.PlanId is { } plan ? $"/plans/{plan}" : $"/meetings/{action.MeetingId}");
        }
        if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        Action = await db.AgreedActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (Action is null || !(await access.OpenAsync(actors.Current, Action.ChildId, ct)).Succeeded)
        {
            return NotFound();
        }
        ChildName = await db.People.AsNoTracking().Where(p => p.Id == Action.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        return null;
    }
}
