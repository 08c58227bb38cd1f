using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Meetings;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Plans;

/// <summary>
/// Changes to an active plan between reviews: a new outcome, progress against one, a new action. Each change is a
/// numbered revision in the plan's history and lands in the child's story.
/// </summary>
public sealed class ChangePlan(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<bool>> AddOutcomeAsync(Actor actor, Guid planId, string? text, CancellationToken ct = default)
    {
        var (plan, error) = await OpenAsync(actor, planId, ct);
        if (plan is null)
        {
            return error!;
        }
        var outcome = text?.Trim() ?? "";
        if (outcome.Length is 0 or > 2_000)
        {
            return Error.Invalid("OutcomeText", "Write the outcome (2,000 characters or fewer)");
        }
        var number = plan.Outcomes.Count == 0 ? 1 : plan.Outcomes.Max(o => o.Number) + 1;
        var added = new PlanOutcome(Guid.NewGuid(), plan.Id, number, outcome);
        plan.Outcomes.Add(added);
        db.PlanOutcomes.Add(added);
        return await SaveAsync(actor, plan, $"Outcome {number} added: {outcome}", ct);
    }

    public async Task<Result<bool>> RecordProgressAsync(Actor actor, Guid planId, Guid? outcomeId, OutcomeProgress? progress, string? note, CancellationToken ct = default)
    {
        var (plan, error) = await OpenAsync(actor, planId, ct);
        if (plan is null)
        {
            return error!;
        }
        var errors = new ValidationErrors();
        var outcome = plan.Outcomes.FirstOrDefault(o => o.Id == outcomeId);
        if (outcome is null) { errors.Add("OutcomeId", "Choose the outcome"); }
        if (progress is null) { errors.Add("Progress", "Choose how far the outcome has come"); }
        errors.MaxLength("ProgressNote", note, 2_000, "The note");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        outcome!.RecordProgress(progress!.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        return await SaveAsync(actor, plan, $"Outcome {outcome.Number}: {Words(progress.Value)}{(string.IsNullOrWhiteSpace(note) ? "" : $" — {note.Trim()}")}", ct);
    }

    public async Task<Result<bool>> AddActionAsync(Actor actor, Guid planId, ActionInput input, CancellationToken ct = default)
    {
        var (plan, error) = await OpenAsync(actor, planId, ct);
        if (plan is null)
        {
            return error!;
        }
        var errors = new ValidationErrors();
        var today = CaseworkAccess.Today(db);
        var built = await AgreedActions.BuildAsync(db, [input.IsBlank ? input with { Description = "" } : input], plan.ChildId, null, plan.Id, today, db.Time.GetUtcNow(), errors, ct);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        db.AgreedActions.AddRange(built);
        if (built[0].OwnerPractitionerId is { } owner)
        {
            notify.Tell(await ShareParties.PractitionerAsync(db, owner, ct), plan.ChildId, "An action on a child's plan is yours",
                $"{built[0].Description} — due {built[0].DueOn:d MMM yyyy}.", $"/plans/{plan.Id}");
        }
        return await SaveAsync(actor, plan, $"Action added: {built[0].Description} ({built[0].OwnerName}, due {built[0].DueOn:d MMM yyyy})", ct);
    }

    internal async Task<Result<bool>> SaveAsync(Actor actor, Plan plan, string change, CancellationToken ct)
    {
        plan.Touch();
        await PlanHistory.AddAsync(db, plan, actor.Name, change, ct);
        await FollowUpStory.WriteAsync(db, plan.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.PlanChanged,
            $"{Plan.Describe(plan.Kind)}: {change}", false, ct);
        db.Audit(AuditActions.PlanRecorded, plan.ChildId, subject: $"Plan:{plan.Id}", detail: "{\"changed\":true}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || UniqueViolation.IsClash(e))
        {
            return Error.Conflict("Someone else changed this plan at the same time: look at it again");
        }
        return true;
    }

    private async Task<(Plan?, Error?)> OpenAsync(Actor actor, Guid planId, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Outcomes).Include(p => p.Reviews).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return (null, Error.NotFound("Plan"));
        }
        var opened = await access.OpenForWorkAsync(actor, plan.ChildId, ct);
        if (!opened.Succeeded)
        {
            return (null, opened.Error);
        }
        return plan.IsActive ? (plan, null) : (null, Error.Conflict("This plan has ended; it cannot be changed"));
    }

    public static string Words(OutcomeProgress progress) => progress switch
    {
        OutcomeProgress.NotStarted => "not started",
        OutcomeProgress.SomeProgress => "some progress",
        OutcomeProgress.GoodProgress => "good progress",
        OutcomeProgress.Achieved => "achieved",
        _ => "not achieved",
    };
}
