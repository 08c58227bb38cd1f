using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Plans;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Actions;

/// <summary>Records progress on one agreed action, or that it is done or no longer needed.</summary>
public sealed class DetailModel(UpdateAction update, GetAction actions, IActorAccessor actors) : PageModel
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
            var saved = await actions.LoadAsync(actors.Current, id, ct);
            return saved.Succeeded ? Redirect(saved.Value.AgreedIn) : NotFound();
        }
        if (!ModelState.Show(result.Error!))
        {
            return NotFound();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var loaded = await actions.LoadAsync(actors.Current, id, ct);
        if (!loaded.Succeeded)
        {
            return NotFound();
        }
        (Action, ChildName) = (loaded.Value.Action, loaded.Value.ChildName);
        return null;
    }
}
