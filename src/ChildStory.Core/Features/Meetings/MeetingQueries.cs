using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

public sealed record MeetingSummary(Guid Id, MeetingType Type, DateTimeOffset StartsAt, string When, MeetingStatus Status, MeetingFormat Format,
    bool ExploitationItem, int Invited, int ShortNotice, int Reports, MeetingOutcome Outcome);

public sealed record InvitationView(Guid Id, Guid AgencyId, string Invitee, int NoticeWorkingDays, int RequiredNoticeWorkingDays, bool LateNotice,
    InvitationResponse Response, string? ResponseNote, DateTimeOffset? ReportSubmittedAt, string? Report, string? ReportBy, Attendance Attendance);

public sealed record ActionView(Guid Id, string Description, string OwnerName, Guid? OwnerPractitionerId, DateOnly DueOn, ActionStatus Status,
    string? Progress, DateOnly? CompletedOn, bool Overdue, Guid? MeetingId, Guid? PlanId);

public sealed record ClockView(Guid Id, TimescaleKind Kind, DateTimeOffset StartedAt, DateTimeOffset DueAt, string DueText, string DueExplanation,
    TimescaleStatus Status, DateTimeOffset? CompletedAt, string? LateReason, bool Overdue, bool Late, string? StopReason);

public sealed record MeetingView(
    Guid Id, Guid ChildId, string ChildName, MeetingType Type, DateTimeOffset StartsAt, string When, MeetingFormat Format, string? Location,
    string? Purpose, bool ExploitationItem, string Organiser, string? ShortNoticeReason, MeetingStatus Status, DateTimeOffset? HeldAt, string? Chair,
    MeetingOutcome Outcome, string? Decisions, string? Minutes, ChildVoice Voice, string? LateReason, string? CancelReason,
    IReadOnlyList<InvitationView> Invitations, IReadOnlyList<ActionView> Actions, IReadOnlyList<ClockView> ClocksMet, IReadOnlyList<ClockView> ClocksStarted,
    IReadOnlyList<ClockView> ClocksDue, bool CanRecord, Guid? MyInvitationId, IReadOnlyList<DocumentView> Documents, bool CanAttach);

/// <summary>A child's meetings, and one meeting in full, for those who may see them: the team around the child, the front door, and the agencies invited.</summary>
public sealed class MeetingQueries(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar)
{
    public async Task<Result<List<MeetingSummary>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var working = await calendar.GetAsync(db, ct);
        var rows = await db.Meetings.AsNoTracking().Where(m => m.ChildId == childId).OrderByDescending(m => m.StartsAt)
            .Select(m => new
            {
                m.Id,
                m.Type,
                m.StartsAt,
                m.Status,
                m.Format,
                m.ExploitationItem,
                m.Outcome,
                Invited = m.Invitations.Count,
                ShortNotice = m.Invitations.Count(i => i.NoticeWorkingDays < i.RequiredNoticeWorkingDays),
                Reports = m.Invitations.Count(i => i.ReportSubmittedAt != null),
            }).ToListAsync(ct);
        return rows.Select(m => new MeetingSummary(m.Id, m.Type, m.StartsAt, working.Describe(m.StartsAt), m.Status, m.Format, m.ExploitationItem,
            m.Invited, m.ShortNotice, m.Reports, m.Outcome)).ToList();
    }

    public async Task<Result<MeetingView>> GetAsync(Actor actor, Guid meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Meeting");
        }
        var invitation = meeting.Invitations.FirstOrDefault(i => actor.PractitionerId is not null && i.AgencyId == actor.AgencyId);
        var basis = AccessBasis.None;
        if (invitation is null)
        {
            var opened = await access.OpenAsync(actor, meeting.ChildId, ct);
            if (!opened.Succeeded)
            {
                return opened.Error!;
            }
            basis = opened.Value;
        }
        var working = await calendar.GetAsync(db, ct);
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var child = await db.People.AsNoTracking().Where(p => p.Id == meeting.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.DueOn).ToListAsync(ct);
        var clocks = await db.Timescales.AsNoTracking()
            .Where(t => t.CompletedByMeetingId == meetingId || t.SourceMeetingId == meetingId
                || (meeting.Status == MeetingStatus.Scheduled && t.ChildId == meeting.ChildId && t.Status == TimescaleStatus.Open))
            .ToListAsync(ct);
        var metBy = TimescaleClock.MetBy(meeting.Type);
        db.Audit(AuditActions.MeetingViewed, meeting.ChildId, subject: $"Meeting:{meeting.Id}", detail: $"{{\"basis\":\"{(invitation is null ? basis.ToString() : "Invited")}\"}}");
        await db.SaveChangesAsync(ct);
        return new MeetingView(meeting.Id, meeting.ChildId, child, meeting.Type, meeting.StartsAt, working.Describe(meeting.StartsAt), meeting.Format,
            meeting.Location, meeting.Purpose, meeting.ExploitationItem, meeting.OrganiserName, meeting.ShortNoticeReason, meeting.Status, meeting.HeldAt,
            meeting.ChairName, meeting.Outcome, meeting.Decisions, meeting.Minutes, meeting.ChildVoice, meeting.LateReason, meeting.CancelReason,
            meeting.Invitations.OrderBy(i => i.InviteeName).Select(i => new InvitationView(i.Id, i.AgencyId, i.InviteeName, i.NoticeWorkingDays,
                i.RequiredNoticeWorkingDays, i.LateNotice, i.Response, i.ResponseNote, i.ReportSubmittedAt, i.Report, i.ReportBy, i.Attendance)).ToList(),
            actions.Select(a => Views.Action(a, today)).ToList(),
            clocks.Where(t => t.CompletedByMeetingId == meetingId).Select(t => Views.Clock(t, working, now)).ToList(),
            clocks.Where(t => t.SourceMeetingId == meetingId).Select(t => Views.Clock(t, working, now)).ToList(),
            clocks.Where(t => t.Status == TimescaleStatus.Open && metBy.Contains(t.Kind) && t.CompletedByMeetingId != meetingId).Select(t => Views.Clock(t, working, now)).ToList(),
            meeting.Status == MeetingStatus.Scheduled && actor.AgencyId == meeting.OrganiserAgencyId && basis != AccessBasis.GlassBreak,
            invitation?.Id, await MeetingDocuments.ListAsync(db, meeting.Id, ct),
            meeting.Status == MeetingStatus.Held && actor.AgencyId == meeting.OrganiserAgencyId && basis != AccessBasis.GlassBreak);
    }
}

/// <summary>Shared shapes for actions and clocks wherever they are shown.</summary>
public static class Views
{
    public static ActionView Action(AgreedAction a, DateOnly today) =>
        new(a.Id, a.Description, a.OwnerName, a.OwnerPractitionerId, a.DueOn, a.Status, a.Progress, a.CompletedOn, a.IsOverdue(today), a.MeetingId, a.PlanId);

    public static ClockView Clock(Timescale t, WorkingTime working, DateTimeOffset now) =>
        new(t.Id, t.Kind, t.StartedAt, t.DueAt, working.Describe(t.DueAt), t.DueExplanation, t.Status, t.CompletedAt, t.LateReason, t.IsOverdue(now), t.WasLate, t.StopReason);
}
