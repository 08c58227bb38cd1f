using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Timescales;

/// <summary>What one pass of the watcher did.</summary>
public sealed record WatchSummary(int InterviewsStarted, int InterviewsMet, int TransitionsStarted, int OverdueRaised, int WithdrawalsCompleted);

/// <summary>
/// The clocks ChildStory starts and checks by itself, run by the background job and <c>childstory chase</c>:
/// a return home interview is due 72 hours after any agency reports a child's return from missing, and is met by the
/// interview's own event; a child with complex needs who has turned 16 gets a transition plan clock; a clock that
/// goes overdue is raised once with the responsible team and lands in the child's story; notices of withdrawal that
/// ran out uncontested take effect.
/// </summary>
public sealed class WatchTimescales(ChildStoryDbContext db, PartnershipCalendar calendar, Notifier notify, CompleteWithdrawals withdrawals, IOptions<CaseworkOptions> options)
{
    /// <summary>Returns reported longer ago than this are history, not a clock to start now.</summary>
    private static readonly TimeSpan ReturnWindow = TimeSpan.FromDays(30);

    public async Task<WatchSummary> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var settings = options.Value;

        // Return home interviews: one clock per return from missing.
        var since = now - ReturnWindow;
        var returns = await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.Type == EventType.ReturnFromMissing && e.OccurredAt >= since && e.ChildId != null && !e.EnteredInError
                && !db.Timescales.Any(t => t.SourceEventId == e.Id && t.Kind == TimescaleKind.ReturnHomeInterview))
            .Select(e => new { e.Id, ChildId = e.ChildId!.Value, e.OccurredAt, e.Author }).ToListAsync(ct);
        foreach (var r in returns)
        {
            TimescaleClock.Start(db, working, settings, r.ChildId, TimescaleKind.ReturnHomeInterview, r.OccurredAt, $"Return from missing reported by {r.Author}",
                await TimescaleClock.ResponsibleTeamAsync(db, r.ChildId, ct), eventId: r.Id);
        }
        await SaveAsync(ct);

        var openInterviews = await db.Timescales.Where(t => t.Kind == TimescaleKind.ReturnHomeInterview && t.Status == TimescaleStatus.Open).ToListAsync(ct);
        var met = 0;
        foreach (var clock in openInterviews)
        {
            var interview = await db.ChronologyEvents.AsNoTracking()
                .Where(e => e.ChildId == clock.ChildId && e.Type == EventType.ReturnHomeInterview && e.OccurredAt >= clock.StartedAt && !e.EnteredInError)
                .OrderBy(e => e.OccurredAt).Select(e => new { e.Id, e.OccurredAt, e.Author }).FirstOrDefaultAsync(ct);
            if (interview is not null)
            {
                clock.CompleteFromEvent(interview.OccurredAt, interview.Author, interview.Id);
                met++;
            }
        }

        var transitions = await StartTransitionsAsync(working, settings, now, ct);
        await SaveAsync(ct);

        var overdue = await db.Timescales.Where(t => t.Status == TimescaleStatus.Open && t.DueAt < now && t.OverdueAlertedAt == null).ToListAsync(ct);
        foreach (var clock in overdue)
        {
            clock.MarkOverdueAlerted(now);
            var agency = clock.TeamId is { } teamId ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => (Guid?)t.AgencyId).SingleOrDefaultAsync(ct) : null;
            if (agency is { } agencyId)
            {
                await FollowUpStory.WriteAsync(db, clock.ChildId, agencyId, null, FollowUpStory.Automatic, EventType.TimescaleMissed,
                    $"{Timescale.Describe(clock.Kind)} was due {working.Describe(clock.DueAt)} and has not happened", true, ct);
            }
            var team = clock.TeamId is { } id ? await ShareParties.TeamAsync(db, id, ct) : await CaseworkAccess.TeamAroundAsync(db, clock.ChildId, ct);
            var managers = await ShareParties.ManagersOfAsync(db, team.Select(p => p.PractitionerId), ct);
            notify.Tell([.. team, .. managers], clock.ChildId, $"Overdue: {Timescale.Describe(clock.Kind).ToLowerInvariant()}",
                $"It was due {working.Describe(clock.DueAt)}.", $"/children/{clock.ChildId}/timescales");
        }
        await SaveAsync(ct);

        var completed = await withdrawals.RunAsync(ct);
        return new WatchSummary(returns.Count, met, transitions, overdue.Count, completed);
    }

    /// <summary>
    /// Children who have turned the transition age in the last year, have complex needs, and have neither a transition
    /// plan nor a clock for one. "Complex needs" here is explainable and narrow until the register (issue 6) replaces
    /// it: an active plan, or targeted (not universal) services from two or more agencies.
    /// </summary>
    private async Task<int> StartTransitionsAsync(WorkingTime working, CaseworkOptions settings, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var bornBy = today.AddYears(-settings.TransitionAge);
        var bornAfter = bornBy.AddYears(-1);
        var universal = UniversalServices.Roles;
        var candidates = await db.People.AsNoTracking()
            .Where(p => p.IsChild && p.DateOfBirth != null && p.DateOfBirth <= bornBy && p.DateOfBirth > bornAfter
                && !db.Timescales.Any(t => t.ChildId == p.Id && t.Kind == TimescaleKind.TransitionPlan)
                && !db.Plans.Any(x => x.ChildId == p.Id && x.Kind == PlanKind.Transition)
                && (db.Plans.Any(x => x.ChildId == p.Id && x.EndedOn == null)
                    || db.Involvements.Where(i => i.ChildId == p.Id && (i.EndedOn == null || i.EndedOn >= today) && !universal.Contains(i.Role))
                        .Select(i => i.AgencyId).Distinct().Count() >= 2))
            .Select(p => new { p.Id, p.DateOfBirth }).ToListAsync(ct);
        foreach (var child in candidates)
        {
            var birthday = child.DateOfBirth!.Value.AddYears(settings.TransitionAge);
            var from = new DateTimeOffset(birthday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            TimescaleClock.Start(db, working, settings, child.Id, TimescaleKind.TransitionPlan, from, $"ChildStory: turned {settings.TransitionAge} with complex needs",
                await TimescaleClock.ResponsibleTeamAsync(db, child.Id, ct));
        }
        return candidates.Count;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
