using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Sharing;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Transfers;

/// <summary>
/// The sending side prepares a transfer packet for a child moving school or authority. The receiving school or
/// authority must acknowledge it (it is chased like any share); acknowledging makes it part of the team around the
/// child, so the child's record on the receiving side shows the history.
/// </summary>
public sealed class NewModel(SendShare send, TransferFormOptions options, IActorAccessor actors) : PageModel
{
    [BindProperty] public Guid? AgencyId { get; set; }
    [BindProperty] public string? OpenConcerns { get; set; }
    [BindProperty] public string? Plans { get; set; }
    [BindProperty] public string? KeyContacts { get; set; }
    [BindProperty] public string? SoftIntelligence { get; set; }
    [BindProperty] public bool IncludesChronology { get; set; } = true;
    [BindProperty] public string? LawfulBasis { get; set; } = nameof(Domain.Sharing.LawfulBasis.LegalDuty);
    [BindProperty] public string? BasisReason { get; set; }
    [BindProperty] public string? WithinDays { get; set; } = "5";

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<SelectOption> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (actors.Current.PractitionerId is null)
        {
            return Forbid();
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // Need to know first: the packet's subject and the form shown again both name the child.
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        int? days = int.TryParse(WithinDays, out var d) ? d : null;
        var agency = AgencyId is { } a ? Agencies.FirstOrDefault(x => x.Value == a.ToString())?.Text : null;
        if (AgencyId is null)
        {
            ModelState.AddModelError("AgencyId", "Choose the school or authority the child is moving to");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var form = new ShareForm($"Transfer: {ChildName} is moving to {agency ?? "a new school or authority"}",
            "Transfer packet for a child moving school or authority. Please acknowledge receipt and record what you have done with it.",
            LawfulBasis, BasisReason, nameof(ShareUrgency.WithinWorkingDays), days, [AgencyId!.Value], [], [], [],
            new TransferPacket(OpenConcerns ?? "", Plans, KeyContacts, SoftIntelligence, IncludesChronology));
        var result = await send.RunAsync(actors.Current, id, form, ct);
        if (result.Succeeded)
        {
            return Redirect($"/shares/{result.Value}?sent=1");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        ModelState.AddErrors(result.Error.Fields, result.Error.Title, field => field == "AgencyIds" ? "AgencyId" : field);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var loaded = await options.LoadAsync(actors.Current, id, ct);
        if (!loaded.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (loaded.Value.ChildId, loaded.Value.ChildName);
        Agencies = loaded.Value.Agencies.Select(a => new SelectOption(a.Id.ToString(), a.Name)).ToList();
        return null;
    }
}
