using System.Globalization;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Chronology;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>Amends an entry with a reason; the earlier version is kept. Only the recording agency may amend.</summary>
public sealed class AmendModel(AmendEvent amend, GetEvent get, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? OccurredOn { get; set; }
    [BindProperty] public string? OccurredTime { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public bool Significant { get; set; }
    [BindProperty] public string? Verification { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool EnteredInError { get; set; }

    public EventDetail Detail { get; private set; } = null!;
    public PractitionerEventForm Form => new(Type, OccurredOn, OccurredTime, Summary, Details, Significant, Verification, Reason, EnteredInError);
    public IReadOnlyList<EventType> Types => [.. Enum.GetValues<EventType>().OrderBy(EventTypes.Describe, StringComparer.OrdinalIgnoreCase)];

    public async Task<IActionResult> OnGetAsync(Guid id, Guid eventId, CancellationToken ct)
    {
        if (await LoadAsync(id, eventId, ct) is { } refused)
        {
            return refused;
        }
        var e = Detail.Entry;
        Type = e.Type.ToString();
        OccurredOn = e.OccurredAt.ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        OccurredTime = e.OccurredAt.ToString("HH:mm", CultureInfo.InvariantCulture);
        Summary = e.Summary;
        Details = e.Details;
        Significant = e.Significant;
        Verification = e.Verification.ToString();
        EnteredInError = e.EnteredInError;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid eventId, CancellationToken ct)
    {
        var result = await amend.RunAsync(actors.Current, id, eventId, Form, ct);
        if (result.Succeeded)
        {
            return Redirect($"/children/{id}/story?amended={eventId}");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        if (await LoadAsync(id, eventId, ct) is { } refused)
        {
            return refused;
        }
        ModelState.AddErrors(result.Error);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid eventId, CancellationToken ct)
    {
        var detail = await get.RunAsync(actors.Current, id, eventId, ct);
        if (!detail.Succeeded)
        {
            return NotFound();
        }
        Detail = detail.Value;
        return Detail.CanAmend ? null : Forbid();
    }
}
