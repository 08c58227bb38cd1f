using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Timescales;

/// <summary>
/// Starts a clock by hand, for what ChildStory does not see happen itself: a child and family assessment from a
/// referral made elsewhere, a child becoming looked after, a child in need review cycle taken over from another
/// system. The start may be in the past (the clock counts from when the law says), never in the future.
/// </summary>
public sealed class StartTimescale(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, IOptions<CaseworkOptions> options)
{
    public static readonly IReadOnlyList<TimescaleKind> StartableByHand =
    [
        TimescaleKind.ChildAndFamilyAssessment, TimescaleKind.FirstLookedAfterReview, TimescaleKind.ChildInNeedReview,
        TimescaleKind.ReviewConference, TimescaleKind.ReturnHomeInterview,
    ];

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, TimescaleKind? kind, DateTimeOffset? startedAt, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var now = db.Time.GetUtcNow();
        if (kind is null || !StartableByHand.Contains(kind.Value)) { errors.Add("Kind", "Choose which clock to start"); }
        if (startedAt is null) { errors.Add("StartedAt", "Enter when the clock starts (the referral, the child becoming looked after, the return)"); }
        else if (startedAt > now) { errors.Add("StartedAt", "A clock cannot start in the future"); }
        else if (startedAt < now.AddYears(-1)) { errors.Add("StartedAt", "A clock cannot start more than a year ago"); }
        if (kind is { } k && await db.Timescales.AnyAsync(t => t.ChildId == childId && t.Kind == k && t.Status == TimescaleStatus.Open, ct) && k != TimescaleKind.ReturnHomeInterview)
        {
            errors.Add("Kind", $"A {Timescale.Describe(k).ToLowerInvariant()} clock is already running for this child");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var working = await calendar.GetAsync(db, ct);
        var team = actor.TeamId ?? await TimescaleClock.ResponsibleTeamAsync(db, childId, ct);
        var clock = TimescaleClock.Start(db, working, options.Value, childId, kind!.Value, startedAt!.Value, actor.Name, team);
        db.Audit(AuditActions.TimescaleRecorded, childId, subject: $"Timescale:{clock.Id}", detail: $"{{\"started\":\"{kind}\"}}");
        await db.SaveChangesAsync(ct);
        return clock.Id;
    }
}
