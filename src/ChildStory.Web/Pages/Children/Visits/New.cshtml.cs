using ChildStory.Data;
using ChildStory.Features.Calendar;
using ChildStory.Features.Children;
using ChildStory.Features.Visits;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children.Visits;

/// <summary>Records a visit or an attempt to see the child or family, successful or not.</summary>
public sealed class NewModel(RecordVisit record, ChildHeading heading, IOptions<CalendarOptions> calendar, IActorAccessor actors) : PageModel
{
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? OccurredAt { get; set; }
    [BindProperty] public string? OccurredAtTime { get; set; }
    [BindProperty] public string? Planned { get; set; }
    [BindProperty] public string? Successful { get; set; }
    [BindProperty] public string? ChildSeen { get; set; }
    [BindProperty] public string? ChildSeenAlone { get; set; }
    [BindProperty] public string? BedroomSeen { get; set; }
    [BindProperty] public string? WhoWasSeen { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public Guid ChildId { get; private set; }
    public string ChildName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var at = ModelState.DateTime("OccurredAt", OccurredAt, OccurredAtTime, "the date of the visit", calendar.Value, timeRequired: true);
        if (ModelState.IsValid)
        {
            var form = new VisitForm(FormInput.Choice<VisitPlace>(Place), at, FormInput.YesNo(Planned), FormInput.YesNo(Successful), FormInput.YesNo(ChildSeen),
                FormInput.YesNo(ChildSeenAlone), FormInput.YesNo(BedroomSeen), WhoWasSeen, Summary);
            var result = await record.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/children/{id}?visit=1#at-a-glance");
            }
            if (!ModelState.Show(result.Error!))
            {
                return NotFound();
            }
        }
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        // The same rule as saving the visit (and a refusal is audited); broken glass reads a record but records no work.
        var child = await heading.LoadForWorkAsync(actors.Current, id, ct);
        if (!child.Succeeded)
        {
            return NotFound();
        }
        (ChildId, ChildName) = (id, child.Value.ChildName);
        return null;
    }

    public static IReadOnlyList<SelectOption> Places { get; } = Enum.GetValues<VisitPlace>().Select(p => new SelectOption(p.ToString(), RecordVisit.Describe(p))).ToList();

    public static IReadOnlyList<SelectOption> YesNo { get; } = [new("yes", "Yes"), new("no", "No")];
}
