using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Plans;

public sealed record PlanForm(
    PlanKind? Kind, DateOnly? StartedOn, DateOnly? NextReviewOn, Guid? LeadPractitionerId, ProtectionCategory? Category, AdultServices AdultServices,
    IReadOnlyList<string?> Outcomes, IReadOnlyList<ActionInput> Actions, ChildVoice Voice, FamilyViews Family, string? LateReason);

/// <summary>
/// Makes a plan for a child: its outcomes, the actions that serve them, who leads it and when it is next reviewed,
/// with the child's own words and the family's views (a plan without them is allowed but flagged). One active plan of
/// each kind. A child in need plan starts the review clock; a transition plan names the lead professional towards
/// adult services and meets the transition clock. Lands in the story; the team is told; history begins.
/// </summary>
public sealed class StartPlan(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, PlanForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        if (form.Kind is null) { errors.Add("Kind", "Choose the kind of plan"); }
        else if (await db.Plans.AnyAsync(p => p.ChildId == childId && p.Kind == form.Kind && p.EndedOn == null, ct))
        {
            errors.Add("Kind", $"This child already has an active {Plan.Describe(form.Kind.Value).ToLowerInvariant()}: review or change that one");
        }
        if (form.StartedOn is null) { errors.Add("StartedOn", "Enter the date the plan starts"); }
        else if (form.StartedOn > today.AddDays(7) || form.StartedOn < today.AddYears(-1)) { errors.Add("StartedOn", "The plan must start within the last year or the next week"); }
        if (form.NextReviewOn is null) { errors.Add("NextReviewOn", "Enter when the plan will next be reviewed"); }
        else if (form.StartedOn is { } s && form.NextReviewOn <= s) { errors.Add("NextReviewOn", "The review must be after the plan starts"); }
        var lead = form.LeadPractitionerId is { } lid
            ? await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.PractitionerId == lid && (i.EndedOn == null || i.EndedOn >= today))
                .OrderBy(i => i.StartedOn).Select(i => new { Id = i.PractitionerId!.Value, Name = i.Practitioner!.GivenName + " " + i.Practitioner.FamilyName, i.AgencyId, i.IsLeadProfessional })
                .FirstOrDefaultAsync(ct)
            : null;
        if (lead is null) { errors.Add("LeadPractitionerId", "Choose who leads the plan, from the workers involved with the child"); }
        if (form.Kind == PlanKind.ChildProtection && form.Category is null) { errors.Add("Category", "Choose the category of abuse or neglect"); }
        if (form.Kind == PlanKind.Transition && form.AdultServices == AdultServices.None) { errors.Add("AdultServices", "Choose the adult services the plan works towards"); }
        var outcomes = form.Outcomes.Select(o => o?.Trim()).Where(o => !string.IsNullOrEmpty(o)).ToList();
        if (outcomes.Count == 0) { errors.Add("Outcomes", "Write at least one outcome the plan is for, in terms of the child's life"); }
        foreach (var (o, i) in outcomes.Select((o, i) => (o, i)).Where(x => x.o!.Length > 2_000)) { errors.Add($"Outcomes[{i}]", $"Outcome {i + 1} must be 2,000 characters or fewer"); }
        VoiceInput.Check(form.Voice, form.Family, today, errors);
        var planId = Guid.NewGuid();
        var actions = await AgreedActions.BuildAsync(db, form.Actions, childId, null, planId, form.StartedOn ?? today, now, errors, ct);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var plan = new Plan(planId, childId, form.Kind!.Value, form.StartedOn!.Value, form.NextReviewOn!.Value, lead!.Id, lead.Name, lead.AgencyId,
            VoiceInput.Clean(form.Voice), VoiceInput.Clean(form.Family), form.Kind == PlanKind.ChildProtection ? form.Category : null,
            form.Kind == PlanKind.Transition ? form.AdultServices : AdultServices.None);
        plan.Outcomes.AddRange(outcomes.Select((o, i) => new PlanOutcome(Guid.NewGuid(), planId, i + 1, o!)));
        db.Plans.Add(plan);
        db.AgreedActions.AddRange(actions);

        var working = await calendar.GetAsync(db, ct);
        var startedAt = new DateTimeOffset(plan.StartedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (plan.Kind == PlanKind.ChildInNeed && !await db.Timescales.AnyAsync(t => t.ChildId == childId && t.Kind == TimescaleKind.ChildInNeedReview && t.Status == TimescaleStatus.Open, ct))
        {
            TimescaleClock.Start(db, working, options.Value, childId, TimescaleKind.ChildInNeedReview, startedAt, $"Child in need plan from {plan.StartedOn:d MMM yyyy}",
                await TimescaleClock.ResponsibleTeamAsync(db, childId, ct));
        }
        if (plan.Kind == PlanKind.Transition)
        {
            var met = TimescaleClock.Complete(await TimescaleClock.OpenAsync(db, childId, [TimescaleKind.TransitionPlan], ct), now, actor.Name, form.LateReason, null);
            if (!met.Succeeded)
            {
                return met.Error!;
            }
        }
        await PlanHistory.AddAsync(db, plan, actor.Name, $"{Plan.Describe(plan.Kind)} made", ct);
        var flags = new List<string>();
        if (plan.VoiceMissing) { flags.Add("the child's views are not recorded"); }
        if (plan.FamilyViewsMissing) { flags.Add("the family's views are not recorded"); }
        await FollowUpStory.WriteAsync(db, childId, lead.AgencyId, actor.PractitionerId, actor.Name, EventType.PlanStarted,
            $"{Plan.Describe(plan.Kind)} made, led by {lead.Name}, from {plan.StartedOn:d MMM yyyy}; review by {plan.NextReviewOn:d MMM yyyy}. "
            + $"Outcomes: {string.Join("; ", outcomes)}." + (flags.Count > 0 ? $" Flagged: {string.Join(" and ", flags)}." : ""), true, ct);
        notify.Tell(await CaseworkAccess.TeamAroundAsync(db, childId, ct), childId, $"{Plan.Describe(plan.Kind)} made for a child",
            $"Led by {lead.Name}.{(actions.Count > 0 ? $" {actions.Count} action(s) agreed." : "")}", $"/plans/{plan.Id}");
        db.Audit(AuditActions.PlanRecorded, childId, subject: $"Plan:{plan.Id}", detail: JsonSerializer.Serialize(new { made = plan.Kind.ToString() }));
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }
}
