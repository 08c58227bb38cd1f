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
    IReadOnlyList<ClockView> ClocksDue, bool CanRecord, IReadOnlyList<Guid> MyInvitationIds, IReadOnlyList<DocumentView> Documents, bool CanAttach, bool ChildOpen);

/// <summary>
/// A child's meetings, for those with need to know on the child; and one meeting in full, for those who may open it
/// (<see cref="MeetingAccess"/>): the team around the child, the front door, and those invited. An invitee who may not
/// see the child's record reads the meeting — its invitations, replies and reports, which a conference shares with
/// everyone invited — but nothing the meeting draws from the child's record (the child's open statutory clocks).
/// </summary>
public sealed class MeetingQueries(ChildStoryDbContext db, ChildAccess access, MeetingAccess meetings, PartnershipCalendar calendar)
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

    /// <summary>
    /// Whom an organiser may invite: first the people working with the child now (a named worker, else their team, else
    /// their agency), then every active team of the partnership, by agency — an agency not yet involved is invited
    /// through a team (its front door), never as a whole.
    /// </summary>
    public async Task<Result<(List<InviteOption> Around, List<InviteOption> Teams)>> InviteOptionsAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        if (await access.BasisAsync(actor, childId, ct) == AccessBasis.None)
        {
            return Error.NotFound("Child");
        }
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var around = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && (i.EndedOn == null || i.EndedOn >= today))
            .OrderByDescending(i => i.IsLeadProfessional).ThenBy(i => i.StartedOn)
            .Select(i => new
            {
                i.AgencyId,
                Agency = i.Agency!.Name,
                i.Role,
                PractitionerId = i.Practitioner != null && i.Practitioner.IsActive ? i.PractitionerId : null,
                Practitioner = i.Practitioner != null && i.Practitioner.IsActive ? i.Practitioner.GivenName + " " + i.Practitioner.FamilyName : null,
                TeamId = i.Team != null && i.Team.IsActive ? i.TeamId : null,
                Team = i.Team != null && i.Team.IsActive ? i.Team.Name : null,
            }).ToListAsync(ct);
        var people = around.Select(i => i.PractitionerId is not null ? new InviteOption(InviteOption.Encode(i.AgencyId, i.PractitionerId, null), $"{i.Practitioner}, {i.Agency}", i.Role, i.Agency)
            : i.TeamId is not null ? new InviteOption(InviteOption.Encode(i.AgencyId, null, i.TeamId), $"{i.Team}, {i.Agency}", i.Role, i.Agency)
            : new InviteOption(InviteOption.Encode(i.AgencyId, null, null), i.Agency, i.Role, i.Agency)).DistinctBy(o => o.Value).ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive && t.Agency!.IsActive).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new { t.AgencyId, t.Id, t.Name, Agency = t.Agency!.Name }).ToListAsync(ct);
        return (people, teams.Select(t => new InviteOption(InviteOption.Encode(t.AgencyId, null, t.Id), t.Name, null, t.Agency)).ToList());
    }

    public async Task<Result<MeetingView>> GetAsync(Actor actor, Guid meetingId, CancellationToken ct = default)
    {
        var opened = await meetings.OpenAsync(actor, meetingId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var basis = opened.Value;
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleAsync(m => m.Id == meetingId, ct);
        var mine = await meetings.InvitationsAsync(actor, meetingId, ct);
        var childOpen = basis != AccessBasis.Party;
        var organiser = actor.AgencyId == meeting.OrganiserAgencyId && basis is AccessBasis.Involvement or AccessBasis.FrontDoor;
        var working = await calendar.GetAsync(db, ct);
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var child = await db.People.AsNoTracking().Where(p => p.Id == meeting.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.DueOn).ToListAsync(ct);
        var clocks = await db.Timescales.AsNoTracking()
            .Where(t => t.CompletedByMeetingId == meetingId || t.SourceMeetingId == meetingId
                || (childOpen && meeting.Status == MeetingStatus.Scheduled && t.ChildId == meeting.ChildId && t.Status == TimescaleStatus.Open))
            .ToListAsync(ct);
        var metBy = TimescaleClock.MetBy(meeting.Type);
        db.Audit(AuditActions.MeetingViewed, meeting.ChildId, subject: $"Meeting:{meeting.Id}", detail: $"{{\"basis\":\"{basis}\"}}");
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
            meeting.Status == MeetingStatus.Scheduled && organiser, mine, await MeetingDocuments.ListAsync(db, meeting.Id, ct),
            meeting.Status == MeetingStatus.Held && organiser, childOpen);
    }
}

/// <summary>
/// One choice of invitee, its value as the arrange form posts it ("agency:practitioner:team", blanks for none).
/// <see cref="Role"/> is the involvement's role for the people working with the child; <see cref="Agency"/> groups teams.
/// </summary>
public sealed record InviteOption(string Value, string Text, Domain.People.InvolvementRole? Role, string Agency)
{
    public static string Encode(Guid agencyId, Guid? practitionerId, Guid? teamId) => $"{agencyId}:{practitionerId}:{teamId}";

    public static Invitee? Decode(string? value)
    {
        var parts = (value ?? "").Split(':');
        Guid? Part(int i) => parts.Length > i && Guid.TryParse(parts[i], out var id) ? id : null;
        return Part(0) is { } agency ? new Invitee(agency, Part(1), Part(2)) : null;
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
