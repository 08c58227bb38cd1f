using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Sharing;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Shares;

/// <summary>Share information about a child with agencies, teams or named practitioners, who must each acknowledge it.</summary>
[RequestSizeLimit(Attachments.MaxFiles * Attachments.MaxBytes + 1_048_576)]
[RequestFormLimits(MultipartBodyLengthLimit = Attachments.MaxFiles * Attachments.MaxBytes + 1_048_576)]
public sealed class NewModel(SendShare send, ShareFormOptions options, IActorAccessor actors) : PageModel
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

    public ShareFormView Options { get; private set; } = null!;
    public Guid ChildId => Options.ChildId;
    public string ChildName => Options.ChildName;
    public IReadOnlyList<(Guid Id, string Name)> InvolvedAgencies => Options.InvolvedAgencies;
    public IReadOnlyList<(Guid Id, string Name)> AllAgencies => Options.OtherAgencies;
    public IReadOnlyList<(Guid Id, string Name, string Agency)> Teams => Options.Teams;
    public IReadOnlyList<ShareableEntry> RecentEvents => Options.RecentEntries;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (actors.Current.PractitionerId is null)
        {
            return Forbid();
        }
        Urgency ??= nameof(ShareUrgency.WithinWorkingDays);
        WithinDays ??= "3";
        return await LoadAsync(id, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        // Need to know first: the form is shown again with the child's name, agencies and story only to those who may see them.
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
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
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var loaded = await options.LoadAsync(actors.Current, id, ct);
        if (!loaded.Succeeded)
        {
            return NotFound();
        }
        Options = loaded.Value;
        return null;
    }
}
