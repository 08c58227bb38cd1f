using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Plans;

public sealed record ReviewForm(DateOnly? ReviewedOn, Guid? MeetingId, string? Progress, ChildVoice Voice, FamilyViews Family, DateOnly? NextReviewOn, string? LateReason);

/// <summary>
/// Reviews a plan: what has changed, the child's words and the family's views (again — a review without them is
/// flagged like a plan), and the next review date, or ends it. A child in need plan's review meets its clock and
/// starts the next one, unless a child in need review meeting already did.
/// </summary>
public sealed class ReviewPlan(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<bool>> ReviewAsync(Actor actor, Guid planId, ReviewForm form, CancellationToken ct = default)
    {
        var (plan, error) = await OpenAsync(actor, planId, ct);
        if (plan is null)
        {
            return error!;
        }
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new ValidationErrors();
        if (form.ReviewedOn is null) { errors.Add("ReviewedOn", "Enter the date of the review"); }
        else if (form.ReviewedOn > today || form.ReviewedOn < plan.StartedOn) { errors.Add("ReviewedOn", "The review date must be between the plan's start and today"); }
        var progress = form.Progress?.Trim() ?? "";
        if (progress.Length == 0) { errors.Add("Progress", "Say what has changed for the child since the plan was made or last reviewed"); }
        errors.MaxLength("Progress", progress, 8_000, "The progress summary");
        if (form.NextReviewOn is null) { errors.Add("NextReviewOn", "Enter when the plan will next be reviewed (or end the plan instead)"); }
        else if (form.ReviewedOn is { } r && form.NextReviewOn <= r) { errors.Add("NextReviewOn", "The next review must be after this one"); }
        if (form.MeetingId is { } mid && !await db.Meetings.AnyAsync(m => m.Id == mid && m.ChildId == plan.ChildId && m.Status == MeetingStatus.Held, ct))
        {
            errors.Add("MeetingId", "Choose a meeting about this child that has been held");
        }
        VoiceInput.Check(form.Voice, form.Family, today, errors);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var review = new PlanReview(Guid.NewGuid(), plan.Id, form.ReviewedOn!.Value, form.MeetingId, progress, VoiceInput.Clean(form.Voice), VoiceInput.Clean(form.Family),
            form.NextReviewOn, actor.Name);
        var reviewed = plan.Review(review);
        if (!reviewed.Succeeded)
        {
            return reviewed;
        }
        db.PlanReviews.Add(review);
        if (plan.Kind == PlanKind.ChildInNeed)
        {
            var reviewedAt = new DateTimeOffset(review.ReviewedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
            var open = await TimescaleClock.OpenAsync(db, plan.ChildId, [TimescaleKind.ChildInNeedReview], ct);
            var met = TimescaleClock.Complete(open, reviewedAt, $"Plan review by {actor.Name}", form.LateReason, form.MeetingId);
            if (!met.Succeeded)
            {
                return met.Error!;
            }
            if (open.Count > 0)
            {
                TimescaleClock.Start(db, await calendar.GetAsync(db, ct), options.Value, plan.ChildId, TimescaleKind.ChildInNeedReview, reviewedAt,
                    $"Child in need plan reviewed {review.ReviewedOn:d MMM yyyy}", await TimescaleClock.ResponsibleTeamAsync(db, plan.ChildId, ct));
            }
        }
        await PlanHistory.AddAsync(db, plan, actor.Name, $"Reviewed on {review.ReviewedOn:d MMM yyyy}; next review {form.NextReviewOn:d MMM yyyy}", ct);
        var flags = new List<string>();
        if (!review.ChildVoice.IsRecorded) { flags.Add("the child's views were not recorded"); }
        if (!review.Family.IsRecorded) { flags.Add("the family's views were not recorded"); }
        await FollowUpStory.WriteAsync(db, plan.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.PlanReviewed,
            $"{Plan.Describe(plan.Kind)} reviewed: {progress}" + (review.ChildVoice.IsRecorded ? $" The child said: \"{review.ChildVoice.Words}\"" : "")
            + (flags.Count > 0 ? $" Flagged: {string.Join(" and ", flags)}." : ""), false, ct);
        notify.Tell(await CaseworkAccess.TeamAroundAsync(db, plan.ChildId, ct), plan.ChildId, $"{Plan.Describe(plan.Kind)} reviewed",
            $"Next review {form.NextReviewOn:d MMM yyyy}.", $"/plans/{plan.Id}");
        db.Audit(AuditActions.PlanRecorded, plan.ChildId, subject: $"Plan:{plan.Id}", detail: "{\"reviewed\":true}");
        return await SaveAsync(ct);
    }

    public async Task<Result<bool>> EndAsync(Actor actor, Guid planId, DateOnly? endedOn, string? reason, CancellationToken ct = default)
    {
        var (plan, error) = await OpenAsync(actor, planId, ct);
        if (plan is null)
        {
            return error!;
        }
        var today = CaseworkAccess.Today(db);
        var errors = new ValidationErrors();
        if (endedOn is null || endedOn > today) { errors.Add("EndedOn", "Enter the date the plan ended, today or earlier"); }
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) { errors.Add("EndReason", "Say why the plan is ending and what happens next for the child"); }
        errors.MaxLength("EndReason", why, 2_000, "The reason");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var ended = plan.End(endedOn!.Value, why);
        if (!ended.Succeeded)
        {
            return ended;
        }
        var kinds = plan.Kind switch
        {
            PlanKind.ChildInNeed => [TimescaleKind.ChildInNeedReview],
            PlanKind.ChildProtection => new[] { TimescaleKind.FirstCoreGroup, TimescaleKind.FirstReviewConference, TimescaleKind.ReviewConference },
            _ => [],
        };
        foreach (var clock in await TimescaleClock.OpenAsync(db, plan.ChildId, kinds, ct))
        {
            clock.Stop($"{Plan.Describe(plan.Kind)} ended {endedOn:d MMM yyyy}");
        }
        await PlanHistory.AddAsync(db, plan, actor.Name, $"Ended on {endedOn:d MMM yyyy}: {why}", ct);
        await FollowUpStory.WriteAsync(db, plan.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.PlanEnded,
            $"{Plan.Describe(plan.Kind)} ended on {endedOn:d MMM yyyy}: {why}", true, ct);
        notify.Tell(await CaseworkAccess.TeamAroundAsync(db, plan.ChildId, ct), plan.ChildId, $"{Plan.Describe(plan.Kind)} ended", why, $"/plans/{plan.Id}");
        db.Audit(AuditActions.PlanRecorded, plan.ChildId, subject: $"Plan:{plan.Id}", detail: "{\"ended\":true}");
        return await SaveAsync(ct);
    }

    private async Task<Result<bool>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || UniqueViolation.IsClash(e))
        {
            // Two people reviewing (or changing) one plan at once both take the next revision number and the plan's
            // version; the database lets one through and refuses the other whole (issue 15, finding 9). Forget the
            // refused changes so that the page shows the plan as it now stands.
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else reviewed or changed this plan just now, so yours was not saved: look at the plan as it stands and try again");
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
        return opened.Succeeded ? (plan, null) : (null, opened.Error);
    }
}
