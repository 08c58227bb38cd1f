using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Children;
using ChildStory.Features.Chronology;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Story;

/// <summary>A practitioner adds an entry — or the child's own words — to the story.</summary>
public sealed class AddModel(AddEvent add, ChildHeading heading, TimeProvider time, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty] public string? OccurredOn { get; set; }
    [BindProperty] public string? OccurredTime { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public bool Significant { get; set; }
    [BindProperty] public string? Verification { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";
    public PractitionerEventForm Form => new(Type, OccurredOn, OccurredTime, Summary, Details, Significant, Verification);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (actors.Current.PractitionerId is null || actors.Current.AgencyId is null)
        {
            return Forbid();
        }
        if (await LoadAsync(id, ct) is { } refused)
        {
            return refused;
        }
        Verification ??= nameof(ChildStory.Domain.Chronology.Verification.Verified);
        OccurredOn ??= time.GetUtcNow().ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await add.RunAsync(actors.Current, id, Form, ct);
        if (result.Succeeded)
        {
            return Redirect($"/children/{id}/story?added={result.Value}");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        if (result.Error.Kind is ErrorKind.Forbidden) { return Forbid(); }
        ModelState.AddErrors(result.Error);
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var child = await heading.LoadAsync(actors.Current, id, ct);
        if (!child.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        return null;
    }

    public static IReadOnlyList<EventType> Types => EventTypes.RecordableByPractitioners;
}
