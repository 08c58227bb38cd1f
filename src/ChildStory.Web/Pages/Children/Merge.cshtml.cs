using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Identity;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children;

/// <summary>Front door: merge a duplicate record into this child's, see past merges, and undo one.</summary>
public sealed class MergeModel(ChildMerges page, MergeRecords merge, UndoMerge undo, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? DuplicateId { get; set; }
    [BindProperty] public string? DuplicateNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid MergeId { get; set; }
    [BindProperty] public string? UndoReason { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<IdentityQueries.Duplicate> Duplicates { get; private set; } = [];
    public IReadOnlyList<IdentityQueries.MergeRow> Merges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!Guid.TryParse((string.IsNullOrWhiteSpace(DuplicateNumber) ? DuplicateId : DuplicateNumber)?.Trim(), out var duplicate))
        {
            ModelState.AddModelError(nameof(DuplicateId), "Choose a possible duplicate, or enter the record number (the id at the end of its address)");
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await merge.RunAsync(actors.Current, new MergeRecords.Command(id, duplicate, Reason), ct);
        if (result.Succeeded) { return Redirect($"/children/{id}/merge"); }
        if (result.Error!.Kind == ErrorKind.Forbidden) { return Forbid(); }
        ModelState.AddErrors(result.Error.Kind == ErrorKind.NotFound ? Error.Invalid(nameof(DuplicateId), "There is no child's record with that number") : result.Error);
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostUndoAsync(Guid id, CancellationToken ct)
    {
        var result = await undo.RunAsync(actors.Current, MergeId, UndoReason, ct);
        if (result.Succeeded) { return Redirect($"/children/{id}/merge"); }
        if (result.Error!.Kind == ErrorKind.Forbidden) { return Forbid(); }
        if (result.Error.Kind == ErrorKind.NotFound) { return NotFound(); }
        ModelState.AddErrors(result.Error);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var loaded = await page.LoadAsync(actors.Current, id, ct);
        if (!loaded.Succeeded)
        {
            return loaded.Error!.Kind == ErrorKind.Forbidden ? Forbid() : NotFound();
        }
        (ChildId, ChildName) = (id, loaded.Value.ChildName);
        (Duplicates, Merges) = (loaded.Value.Duplicates, loaded.Value.Merges);
        return null;
    }
}
