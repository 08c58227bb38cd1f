using ChildStory.Data;
using ChildStory.Features.Mapping;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ChildStory.Web.Pages.Links;

/// <summary>One link in a child's network: where it comes from, its grade, any dispute; dispute it or end it.</summary>
public sealed class IndexModel(ChangeAssociation links, IActorAccessor actors) : FormPage
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Dispute { get; set; }
    [BindProperty] public string? EndedOn { get; set; }
    [BindProperty] public string? EndReason { get; set; }

    public LinkDetail? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostDisputeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(await links.DisputeAsync(actors.Current, id, Version, Dispute, ct), "The dispute is recorded beside the link.", () => LoadAsync(id, ct), () => Dispute = null);

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("EndedOn", EndedOn, "the date the link ended");
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(await links.EndAsync(actors.Current, id, Version, on, EndReason, ct), "The link is ended. It stays in the record, off the map unless ended links are shown.",
            () => LoadAsync(id, ct), () => EndedOn = EndReason = null);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await links.GetAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Link = result.Value;
        Version = Link.Version;
        return null;
    }
}
