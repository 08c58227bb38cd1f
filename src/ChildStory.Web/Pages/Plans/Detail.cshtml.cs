using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Plans;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Plans;

/// <summary>One plan: outcomes and progress, actions, reviews (with the child's and family's views) and its history; the team changes, reviews or ends it.</summary>
public sealed class DetailModel(PlanQueries queries, ChangePlan change, ReviewPlan review, IActorAccessor actors) : FormPage
{
    [FromQuery(Name = "made")] public int? Made { get; set; }
    [BindProperty] public string? OutcomeText { get; set; }
    [BindProperty] public string? OutcomeId { get; set; }
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? ProgressNote { get; set; }
    [BindProperty] public List<ActionRow> Actions { get; set; } = [];
    [BindProperty] public string? ReviewedOn { get; set; }
    [BindProperty] public string? ReviewProgress { get; set; }
    [BindProperty] public string? NextReviewOn { get; set; }
    [BindProperty] public string? MeetingId { get; set; }
    [BindProperty] public VoiceFields Voice { get; set; } = new();
    [BindProperty] public FamilyFields Family { get; set; } = new();
    [BindProperty] public string? LateReason { get; set; }
    [BindProperty] public string? EndedOn { get; set; }
    [BindProperty] public string? EndReason { get; set; }

    public PlanView? Plan { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await change.AddOutcomeAsync(actors.Current, id, OutcomeText, ct), "Outcome added.", ct);

    public async Task<IActionResult> OnPostProgressAsync(Guid id, CancellationToken ct) =>
        await AfterAsync(id, await change.RecordProgressAsync(actors.Current, id, FormInput.Id(OutcomeId), FormInput.Choice<OutcomeProgress>(Progress), ProgressNote, ct),
            "Progress recorded.", ct);

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct)
    {
        var actions = ActionInputs.Read(ModelState, Actions);
        if (!ModelState.IsValid || actions.Count == 0)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(id, await change.AddActionAsync(actors.Current, id, actions[0], ct), "Action added. Its owner has been told.", ct);
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken ct)
    {
        var reviewed = ModelState.Date("ReviewedOn", ReviewedOn, "the date of the review");
        var next = ModelState.Date("NextReviewOn", NextReviewOn, "the date of the next review");
        var voice = Voice.Read(ModelState);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        var form = new ReviewForm(reviewed, FormInput.Id(MeetingId), ReviewProgress, voice, Family.Read(), next, LateReason);
        var result = await review.ReviewAsync(actors.Current, id, form, ct);
        if (!result.Succeeded && result.Error!.Fields.ContainsKey("Progress"))
        {
            ModelState.AddModelError("ReviewProgress", result.Error.Fields["Progress"][0]);
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(id, result, "Review recorded.", ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
    {
        var ended = ModelState.Date("EndedOn", EndedOn, "the date the plan ended");
        if (!ModelState.IsValid)
        {
            return await LoadAsync(id, ct) ?? Page();
        }
        return await AfterAsync(id, await review.EndAsync(actors.Current, id, ended, EndReason, ct), "The plan has ended. The team has been told.", ct);
    }

    private Task<IActionResult> AfterAsync(Guid id, Result<bool> result, string done, CancellationToken ct) =>
        AfterAsync(result, done, () => LoadAsync(id, ct), () =>
        {
            OutcomeText = OutcomeId = Progress = ProgressNote = ReviewedOn = ReviewProgress = NextReviewOn = MeetingId = LateReason = EndedOn = EndReason = null;
            Actions = [];
            Voice = new();
            Family = new();
        });

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await queries.GetAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Plan = result.Value;
        while (Actions.Count < 1)
        {
            Actions.Add(new());
        }
        return null;
    }

    public IReadOnlyList<SelectOption> Owners =>
        Plan!.People.Select(p => new SelectOption($"p:{p.Id}", p.Name, "People")).Concat(Plan.Agencies.Select(a => new SelectOption($"a:{a.Id}", a.Name, "Agencies"))).ToList();

    public static IReadOnlyList<SelectOption> ProgressOptions { get; } = Enum.GetValues<OutcomeProgress>()
        .Select(p => new SelectOption(p.ToString(), char.ToUpperInvariant(ChangePlan.Words(p)[0]) + ChangePlan.Words(p)[1..])).ToList();
}
