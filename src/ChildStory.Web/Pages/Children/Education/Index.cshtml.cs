using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Education;
using ChildStory.Features.Education;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace ChildStory.Web.Pages.Children.Education;

/// <summary>
/// A child's education: the picture (roll, attendance, provision, EHC plan, exclusions, home education, transport) and
/// forms to record each fact and its later steps. Each form's fields carry its own prefix so errors land on the right form.
/// </summary>
public sealed class IndexModel(EducationPicture picture, EducationProviders providers, IActorAccessor actors, IServiceProvider services) : FormPage
{
    [BindProperty] public string? SchoolId { get; set; }
    [BindProperty] public string? ProviderId { get; set; }
    [BindProperty] public string? On { get; set; }
    [BindProperty] public string? Until { get; set; }
    [BindProperty] public string? Review { get; set; }
    [BindProperty] public string? Hours { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Registered { get; set; }
    [BindProperty] public string? Commissioner { get; set; }
    [BindProperty] public string? MonitoredBy { get; set; }
    [BindProperty] public string? Every { get; set; }
    [BindProperty] public string? Main { get; set; }
    [BindProperty] public string? RecordId { get; set; }
    [BindProperty] public string? Change { get; set; }
    [BindProperty] public string? Decision { get; set; }

    /// <summary>Which form was posted: its errors show on it alone.</summary>
    public string? Form { get; private set; }

    public EducationPictureView View { get; private set; } = null!;
    public IReadOnlyList<SelectOption> Schools { get; private set; } = [];
    public IReadOnlyList<SelectOption> Providers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? form, CancellationToken ct)
    {
        Form = form is "enrol" or "placement" or "ehcp" or "timetable" or "exclusion" or "home" or "transport" or "change" ? form : null;
        return form is not null && Form is null ? NotFound() : await LoadAsync(id, ct) ?? Page();
    }

    /// <summary>The use cases name their fields; this page's inputs are shared between forms, so errors move onto the input that showed the value.</summary>
    private static readonly Dictionary<string, string> Inputs = new()
    {
        ["StartedOn"] = "On",
        ["RequestedOn"] = "On",
        ["StartsOn"] = "On",
        ["PlaceStartsOn"] = "On",
        ["EndedOn"] = "On",
        ["ContactOn"] = "On",
        ["ReviewedOn"] = "On",
        ["DecidedOn"] = "On",
        ["IssuedOn"] = "On",
        ["PlannedEndOn"] = "Until",
        ["ReviewOn"] = "Review",
        ["InclusionReferralOn"] = "Review",
        ["HoursPerWeek"] = "Hours",
        ["CommissionedBy"] = "Commissioner",
        ["MonitoringEveryDays"] = "Every",
        ["Days"] = "Every",
        ["Reason"] = "Text",
        ["RequestedBy"] = "Text",
        ["Note"] = "Text",
    };

    private static Error OnForm(Error error) => error with
    {
        Fields = error.Fields.GroupBy(f => Inputs.GetValueOrDefault(f.Key, f.Key)).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Value).ToArray()),
    };

    private T Use<T>() where T : notnull => services.GetRequiredService<T>();

    private decimal? Decimal(string field)
    {
        if (string.IsNullOrWhiteSpace(Hours)) { return null; }
        if (decimal.TryParse(Hours, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)) { return d; }
        ModelState.AddModelError(field, "Hours a week must be a number, like 12.5");
        return null;
    }

    private async Task<IActionResult> RunAsync<T>(Guid id, string form, Func<Task<Result<T>>> run, string done, CancellationToken ct)
    {
        Form = form;
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var result = await run();
        return await AfterAsync(result.Succeeded ? true : OnForm(result.Error!), done, () => LoadAsync(id, ct),
            () => SchoolId = ProviderId = On = Until = Review = Hours = Text = Kind = Registered = Commissioner = MonitoredBy = Every = Main = RecordId = Change = Decision = null);
    }

    public Task<IActionResult> OnPostEnrolAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("On", On, "the date the child joined the roll");
        return RunAsync(id, "enrol", () => Use<RecordEnrolment>().RunAsync(actors.Current, id, new RecordEnrolment.Input(FormInput.Id(SchoolId), on, Main != "PartTime"), ct),
            "The roll is recorded; the school’s designated safeguarding lead joins the team around the child.", ct);
    }

    public Task<IActionResult> OnPostTimetableAsync(Guid id, CancellationToken ct)
    {
        var (on, until, review, hours) = (ModelState.Date("On", On, "the start date"), ModelState.Date("Until", Until, "the planned end"), ModelState.Date("Review", Review, "the review date"), Decimal("Hours"));
        return RunAsync(id, "timetable", () => Use<RecordPartTimeTimetable>().RunAsync(actors.Current, id,
            new RecordPartTimeTimetable.Input(FormInput.Id(SchoolId), hours, on, until, review, Text), ct), "Part-time timetable recorded.", ct);
    }

    public Task<IActionResult> OnPostExclusionAsync(Guid id, CancellationToken ct)
    {
        var (on, referred) = (ModelState.Date("On", On, "the start date"), ModelState.Date("Review", Review, "the referral date"));
        int? days = int.TryParse(Every, out var d) ? d : null;
        return RunAsync(id, "exclusion", () => Use<RecordExclusion>().RunAsync(actors.Current, id,
            new RecordExclusion.Input(FormInput.Id(SchoolId), FormInput.Choice<ExclusionKind>(Kind), on, days, Text, referred), ct), "Exclusion recorded.", ct);
    }

    public Task<IActionResult> OnPostPlacementAsync(Guid id, CancellationToken ct)
    {
        var (on, until, hours) = (ModelState.Date("On", On, "the start date"), ModelState.Date("Until", Until, "the planned end"), Decimal("Hours"));
        int? every = int.TryParse(Every, out var d) ? d : null;
        return RunAsync(id, "placement", () => Use<PlaceInAlternativeProvision>().RunAsync(actors.Current, id,
            new PlaceInAlternativeProvision.Input(FormInput.Id(ProviderId), FormInput.YesNo(Registered), FormInput.Choice<Domain.Education.Commissioner>(Commissioner), hours, on, until,
                MonitoredBy, every, Main == "yes"), ct), "Placement recorded; the provider joins the team around the child while it lasts.", ct);
    }

    public Task<IActionResult> OnPostEhcpAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("On", On, "the date of the request");
        return RunAsync(id, "ehcp", () => Use<RequestEhcAssessment>().RunAsync(actors.Current, id, new RequestEhcAssessment.Input(on, Text), ct),
            "Request recorded; the SEND team joins the team around the child.", ct);
    }

    public Task<IActionResult> OnPostHomeAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("On", On, "the start date");
        return RunAsync(id, "home", () => Use<RecordHomeEducation>().RunAsync(actors.Current, id, new RecordHomeEducation.Input(Kind == "Missing", on, Text), ct), "Recorded.", ct);
    }

    public Task<IActionResult> OnPostTransportAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("On", On, "the date the place starts");
        return RunAsync(id, "transport", () => Use<RecordTransport>().RunAsync(actors.Current, id, new RecordTransport.Input(FormInput.Id(SchoolId), on, Text), ct),
            "Transport recorded: the clock to its start is running.", ct);
    }

    public Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct)
    {
        var on = ModelState.Date("On", On, "the date", required: true);
        var parts = (Change ?? "").Split('|');
        var change = FormInput.Choice<EducationChange>(parts[0]);
        RecordId = parts.Length == 2 ? parts[1] : null;
        if (change is null || FormInput.Id(RecordId) is null)
        {
            ModelState.AddModelError("Change", "Choose what happened");
        }
        return RunAsync(id, "change", () => Use<UpdateEducation>().RunAsync(actors.Current, id,
            new UpdateEducation.Input(change!.Value, FormInput.Id(RecordId)!.Value, on, Text, FormInput.Choice<AssessmentDecision>(Decision)), ct), "Recorded.", ct);
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await picture.ForChildAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        View = result.Value;
        var lists = await providers.ListAsync(ct);
        Schools = lists.Schools.Select(a => new SelectOption(a.Id.ToString(), a.Name)).ToList();
        Providers = lists.Providers.Select(a => new SelectOption(a.Id.ToString(), a.Name)).ToList();
        return null;
    }

    /// <summary>The later steps open on this child's records, for the "what happened next" form.</summary>
    public IReadOnlyList<SelectOption> Steps()
    {
        var v = View;
        var steps = new List<SelectOption>();
        void Add(EducationChange change, Guid record, string text) => steps.Add(new SelectOption($"{change}|{record}", text));
        foreach (var e in v.Rolls.Where(e => e.EndedOn is null)) { Add(EducationChange.EndEnrolment, e.Id, $"{e.School}: left the roll"); }
        if (v.PartTime is { } t) { Add(EducationChange.EndTimetable, t.Id, "Part-time timetable ended"); }
        foreach (var x in v.Exclusions.Where(x => x.Kind == ExclusionKind.Permanent && x.InclusionReferralOn is null)) { Add(EducationChange.ReferToInclusion, x.Id, "Referred to the inclusion project"); }
        foreach (var p in v.Placements.Where(p => p.EndedOn is null))
        {
            Add(EducationChange.ContactProvider, p.Id, $"{p.Provider}: contacted the provider");
            Add(EducationChange.ReviewPlacement, p.Id, $"{p.Provider}: placement reviewed");
            Add(EducationChange.EndPlacement, p.Id, $"{p.Provider}: placement ended");
        }
        if (v.Ehcp is { } plan)
        {
            if (plan.Decision is null) { Add(EducationChange.DecideAssessment, plan.Id, "EHC: decided whether to assess (choose the decision)"); }
            if (plan.IssuedOn is null) { Add(EducationChange.IssuePlan, plan.Id, "EHC plan issued (name the setting in the note)"); }
            else { Add(EducationChange.ReviewPlan, plan.Id, "EHC plan annual review held"); Add(EducationChange.CeasePlan, plan.Id, "EHC plan ceased"); }
        }
        if (v.HomeEducation is { } h)
        {
            Add(EducationChange.ReviewHomeEducation, h.Id, "Home education: safeguarding review (say what it found in the note)");
            Add(EducationChange.EndHomeEducation, h.Id, "Home education ended");
        }
        if (v.Missing is { } m) { Add(EducationChange.EndMissingEducation, m.Id, "No longer missing education"); }
        foreach (var tr in v.Transport.Where(t => t.TransportStartedOn is null)) { Add(EducationChange.StartTransport, tr.Id, "School transport started"); }
        return steps;
    }
}
