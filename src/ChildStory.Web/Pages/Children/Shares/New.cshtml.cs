using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Children.Shares;

/// <summary>Share information about a child with agencies, teams or named practitioners, who must each acknowledge it.</summary>
[RequestSizeLimit(Attachments.MaxFiles * Attachments.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.MaxFiles * Attachments.MaxBytes + 1_048_576)]
public sealed class NewModel(SendShare send, ChildAccess access, ChildStoryDbContext db, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? LawfulBasis { get; set; }
    [BindProperty] public string? BasisReason { get; set; }
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? WithinDays { get; set; }
    [BindProperty] public List<Guid> AgencyIds { get; set; } = [];
    [BindProperty] public Guid? OtherAgencyId { get; set; }
    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public string? PractitionerEmails { get; set; }
    [BindProperty] public List<Guid> EventIds { get; set; } = [];
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> InvolvedAgencies { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> AllAgencies { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Agency)> Teams { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Text)> RecentEvents { get; private set; } = [];

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
        Urgency ??= nameof(ShareUrgency.WithinWorkingDays);
        WithinDays ??= "3";
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
        int? days = int.TryParse(WithinDays, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(WithinDays) && days is null)
        {
            ModelState.AddModelError("WithinDays", "Working days must be a whole number, like 3");
        }
        var agencies = AgencyIds.Concat(OtherAgencyId is { } other ? [other] : Array.Empty<Guid>()).ToList();
        var emails = (PractitionerEmails ?? "").Split(['\n', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var files = await Uploads.ReadAsync(Files, ct);
        var form = new ShareForm(Subject, Message, LawfulBasis, BasisReason, Urgency, days, agencies, TeamId is { } t ? [t] : [], emails, EventIds, null, files);
        if (ModelState.IsValid)
        {
            var result = await send.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/shares/{result.Value}?sent=1");
            }
            if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
            if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
            ModelState.AddErrors(result.Error);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        ChildId = id;
        ChildName = await db.People.Where(p => p.Id == id).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var involved = await db.Involvements.Where(i => i.ChildId == id && i.EndedOn == null).Select(i => i.AgencyId).Distinct().ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        InvolvedAgencies = agencies.Where(a => involved.Contains(a.Id)).Select(a => (a.Id, a.Name)).ToList();
        AllAgencies = agencies.Where(a => !involved.Contains(a.Id)).Select(a => (a.Id, a.Name)).ToList();
        Teams = (await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Agency = t.Agency!.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name, t.Agency)).ToList();
        RecentEvents = (await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == id).OrderByDescending(e => e.OccurredAt).Take(15)
            .Select(e => new { e.Id, e.OccurredAt, e.Type, e.Summary, e.Sensitivity, e.AgencyId }).ToListAsync(ct))
            .Where(e => e.Sensitivity == Domain.Chronology.Sensitivity.None || e.AgencyId == actors.Current.AgencyId)
            .Select(e => (e.Id, $"{e.OccurredAt:d MMM yyyy}: {Domain.Chronology.EventTypes.Describe(e.Type)} — {e.Summary}")).ToList();
    }
}
