using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children.Plans;

/// <summary>Makes a plan: kind, lead, outcomes, actions, review date, the child's own words and the family's views.</summary>
public sealed class NewModel(TeamQueries team, StartPlan start, TimeProvider time, IActorAccessor actors) : PageModel
{
    public const int OutcomeRows = 4;
    public const int ActionRows = 4;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? StartedOn { get; set; }
    [BindProperty] public string? NextReviewOn { get; set; }
    [BindProperty] public string? LeadPractitionerId { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public List<string> AdultServices { get; set; } = [];
    [BindProperty] public List<string?> Outcomes { get; set; } = [];
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];
    [BindProperty] public VoiceFields Voice { get; set; } = new();
    [BindProperty] public FamilyFields Family { get; set; } = new();
    [BindProperty] public string? LateReason { get; set; }

    public TeamAroundView? Team { get; private set; }
    public IReadOnlyList<SelectOption> People { get; private set; } = [];
    public IReadOnlyList<SelectOption> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var startedOn = ModelState.Date("StartedOn", StartedOn, "the date the plan starts");
        var review = ModelState.Date("NextReviewOn", NextReviewOn, "the date of the first review");
        var actions = ActionInputs.Read(ModelState, Actions);
        var voice = Voice.Read(ModelState);
        var family = Family.Read();
        if (ModelState.IsValid)
        {
            var services = AdultServices.Select(FormInput.Choice<Domain.Casework.AdultServices>).Where(s => s is not null).Aggregate(Domain.Casework.AdultServices.None, (a, s) => a | s!.Value);
            var form = new PlanForm(FormInput.Choice<PlanKind>(Kind), startedOn, review, FormInput.Id(LeadPractitionerId), FormInput.Choice<ProtectionCategory>(Category),
                services, Outcomes, actions, voice, family, LateReason);
            var result = await start.RunAsync(actors.Current, id, form, ct);
            if (result.Succeeded)
            {
                return Redirect($"/plans/{result.Value}?made=1");
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
        var result = await team.TeamAsync(actors.Current, id, ct);
        if (!result.Succeeded || !result.Value.CanWork)
        {
            return NotFound();
        }
        Team = result.Value;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var active = Team.Workers.Where(w => w.EndedOn is null || w.EndedOn >= today).ToList();
        People = active.Where(w => w.PractitionerId is not null).Select(w => new SelectOption(w.PractitionerId.ToString()!, $"{w.Practitioner}, {w.Agency}")).DistinctBy(o => o.Value).ToList();
        Owners = ActionInputs.Owners(active);
        while (Outcomes.Count < OutcomeRows) { Outcomes.Add(null); }
        while (Actions.Count < ActionRows) { Actions.Add(new()); }
        return null;
    }

    public static IReadOnlyList<SelectOption> Kinds { get; } = Enum.GetValues<PlanKind>().Select(k => new SelectOption(k.ToString(), Plan.Describe(k))).ToList();

    public static IReadOnlyList<SelectOption> Categories { get; } =
    [
        new(nameof(ProtectionCategory.Neglect), "Neglect"), new(nameof(ProtectionCategory.PhysicalAbuse), "Physical abuse"),
        new(nameof(ProtectionCategory.EmotionalAbuse), "Emotional abuse"), new(nameof(ProtectionCategory.SexualAbuse), "Sexual abuse"),
        new(nameof(ProtectionCategory.MultipleCategories), "Multiple categories"),
    ];

    public static IReadOnlyList<SelectOption> Services { get; } =
    [
        new(nameof(Domain.Casework.AdultServices.AdultSocialCare), "Adult social care"), new(nameof(Domain.Casework.AdultServices.AdultMentalHealth), "Adult mental health"),
        new(nameof(Domain.Casework.AdultServices.AdultHealth), "Adult health services"), new(nameof(Domain.Casework.AdultServices.PoliceOrProbation), "Police or probation"),
        new(nameof(Domain.Casework.AdultServices.Housing), "Housing"), new(nameof(Domain.Casework.AdultServices.EducationOrTraining), "Education or training"),
    ];
}
