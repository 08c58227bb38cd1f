using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.TeamAroundChild;

public sealed record WithdrawalSummary(Guid Id, string Agency, WithdrawalStatus Status, DateTimeOffset? NoticeEndsAt, bool LeavesOneAgency, WithdrawalRisk Risk);

/// <summary>
/// The team around the child at a glance, for the top of the record: current plans and their flags, the next
/// meetings, when the child was last seen (by anyone and by each agency), the clocks that are due or late, overdue
/// actions, and withdrawals under way. Access is decided by the caller.
/// </summary>
public sealed record ChildCasework(
    IReadOnlyList<PlanSummary> Plans, IReadOnlyList<MeetingSummary> NextMeetings, DateTimeOffset? LastSeen, IReadOnlyList<Visits.SeenBy> SeenByAgency,
    bool NotSeenWithinThreshold, int NotSeenDays, IReadOnlyList<ClockView> Clocks, IReadOnlyList<ActionView> Actions, IReadOnlyList<WithdrawalSummary> Withdrawals, DateOnly Today, int OpenAlerts)
{
    public static async Task<ChildCasework> LoadAsync(ChildStoryDbContext db, PartnershipCalendar calendar, CaseworkOptions options, Guid childId, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var working = await calendar.GetAsync(db, ct);
        var plans = (await PlanQueries.SummariesAsync(db, [childId], ct)).Where(p => p.EndedOn is null).ToList();
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ChildId == childId && m.Status == MeetingStatus.Scheduled).OrderBy(m => m.StartsAt).Take(3)
            .Select(m => new
            {
                m.Id,
                m.Type,
                m.StartsAt,
                m.Format,
                m.ExploitationItem,
                Invited = m.Invitations.Count,
                ShortNotice = m.Invitations.Count(i => i.NoticeWorkingDays < i.RequiredNoticeWorkingDays),
                Reports = m.Invitations.Count(i => i.ReportSubmittedAt != null)
            })
            .ToListAsync(ct);
        var seen = await Visits.LastSeen.ByAgencyAsync(db, childId, ct);
        var last = seen.Count == 0 ? (DateTimeOffset?)null : seen.Max(s => s.At);
        // Open clocks, and met ones that were late and still need their reason.
        var clocks = await db.Timescales.AsNoTracking()
            .Where(t => t.ChildId == childId && (t.Status == TimescaleStatus.Open || (t.Status == TimescaleStatus.Completed && t.CompletedAt > t.DueAt && t.LateReason == null)))
            .OrderBy(t => t.DueAt).ToListAsync(ct);
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.ChildId == childId && a.Status == ActionStatus.Open).OrderBy(a => a.DueOn).Take(20).ToListAsync(ct);
        var withdrawals = await db.Withdrawals.AsNoTracking()
            .Where(w => w.ChildId == childId && (w.Status == WithdrawalStatus.UnderNotice || w.Status == WithdrawalStatus.Contested))
            .Select(w => new WithdrawalSummary(w.Id, db.Agencies.Where(a => a.Id == w.AgencyId).OrderBy(a => a.Id).Select(a => a.Name).First(), w.Status, w.NoticeEndsAt, w.LeavesOneAgency, w.Risk))
            .ToListAsync(ct);
        return new ChildCasework(plans,
            meetings.Select(m => new MeetingSummary(m.Id, m.Type, m.StartsAt, working.Describe(m.StartsAt), MeetingStatus.Scheduled, m.Format, m.ExploitationItem,
                m.Invited, m.ShortNotice, m.Reports, MeetingOutcome.None)).ToList(),
            last, seen, last is null || last < now.AddDays(-options.NotSeenDays), options.NotSeenDays,
            clocks.Select(t => Views.Clock(t, working, now)).ToList(), actions.Select(a => Views.Action(a, today)).ToList(), withdrawals, today,
            await db.Alerts.CountAsync(a => a.ChildId == childId && a.Status == Domain.Rules.AlertStatus.Open, ct));
    }
}
