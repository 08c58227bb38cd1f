using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Transfers;

/// <summary>
/// The sending side prepares a transfer packet for a child moving school or authority. The receiving school or
/// authority must acknowledge it (it is chased like any share); acknowledging makes it part of the team around the
/// child, so the child's record on the receiving side shows the history.
/// </summary>
public sealed class NewModel(SendShare send, ChildAccess access, ChildStoryDbContext db, IActorAccessor actors) : PageModel
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
        if (!(await access.OpenAsync(actors.Current, id, ct)).Succeeded)
        {
            return NotFound();
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (actors.Current.PractitionerId is null)
        {
            return Forbid();
        }
        // Access before anything is loaded: an unknown or hidden child is a 404, never a 500 or a name (issue 15).
        if (!(await access.OpenAsync(actors.Current, id, ct)).Succeeded)
        {
            return NotFound();
        }
        await LoadAsync(id, ct);
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

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        ChildId = id;
        ChildName = await db.People.Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        Agencies = (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => new SelectOption(a.Id.ToString(), a.Name)).ToList();
    }
}
