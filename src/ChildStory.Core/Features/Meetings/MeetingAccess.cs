using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>
/// Who may open a meeting, and on what basis — the one rule for meetings. Need to know on the child opens all its
/// meetings (the child's own basis). Otherwise an invitation opens its meeting, as <see cref="AccessBasis.Party"/>, to
/// the person it is addressed to: the practitioner invited, or for a team invitation each member of the team; and to
/// the manager of either (practitioners answer through their manager when away). An invitation made before invitations
/// were addressed, naming neither, belongs to its agency's front door. An agency's other people are strangers to the
/// meeting (issue 15, finding 3). Nothing here audits: callers that refuse do (<see cref="OpenAsync"/>).
/// </summary>
public sealed class MeetingAccess(ChildStoryDbContext db, ChildAccess children)
{
    public async Task<AccessBasis> BasisAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        var childId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (Guid?)m.ChildId).SingleOrDefaultAsync(ct);
        return childId is null ? AccessBasis.None : await BasisAsync(actor, meetingId, childId.Value, ct);
    }

    /// <summary>
    /// Opens a meeting: its basis, or "not found" — as for a meeting that does not exist — with the refusal audited
    /// against the child. Every use case that reads or answers a meeting starts here.
    /// </summary>
    public async Task<Result<AccessBasis>> OpenAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        var childId = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => (Guid?)m.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null)
        {
            return Error.NotFound("Meeting");
        }
        var basis = await BasisAsync(actor, meetingId, childId.Value, ct);
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        db.Audit(AuditActions.ChildAccessDenied, childId, subject: $"Meeting:{meetingId}");
        await db.SaveChangesAsync(ct);
        return Error.NotFound("Meeting");
    }

    /// <summary>The invitations to this meeting the actor answers: their own, their team's, or those of the people they manage.</summary>
    public async Task<List<Guid>> InvitationsAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        var answerable = await AnswerableAsync(actor, ct);
        return answerable is null ? [] : await answerable.Where(i => i.MeetingId == meetingId).OrderBy(i => i.InviteeName).Select(i => i.Id).ToListAsync(ct);
    }

    /// <summary>Whether the actor answers this invitation (see <see cref="InvitationsAsync"/>).</summary>
    public async Task<bool> AnswersAsync(Actor actor, Guid invitationId, CancellationToken ct)
    {
        var answerable = await AnswerableAsync(actor, ct);
        return answerable is not null && await answerable.AnyAsync(i => i.Id == invitationId, ct);
    }

    private async Task<AccessBasis> BasisAsync(Actor actor, Guid meetingId, Guid childId, CancellationToken ct)
    {
        var basis = await children.BasisAsync(actor, childId, ct);
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        var answerable = await AnswerableAsync(actor, ct);
        return answerable is not null && await answerable.AnyAsync(i => i.MeetingId == meetingId, ct) ? AccessBasis.Party : AccessBasis.None;
    }

    /// <summary>Every invitation the actor answers, as a query (null: none — only signed-in, active practitioners answer).</summary>
    private async Task<IQueryable<MeetingInvitation>?> AnswerableAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.User || actor.PractitionerId is not { } me)
        {
            return null;
        }
        // The practitioner's team is read from the partnership, not the sign-in: a move between teams takes effect at once.
        var self = await db.Practitioners.AsNoTracking().Where(p => p.Id == me && p.IsActive).Select(p => new { p.TeamId }).SingleOrDefaultAsync(ct);
        if (self is null)
        {
            return null;
        }
        var myTeam = self.TeamId;
        var reports = db.Practitioners.Where(p => p.ManagerId == me);
        var teamsILead = reports.Where(p => p.IsActive && p.TeamId != null).Select(p => p.TeamId!.Value);
        var frontDoors = db.Teams.Where(t => t.Function == TeamFunction.FrontDoor && t.IsActive && (t.Id == myTeam || teamsILead.Contains(t.Id)));
        return db.MeetingInvitations.AsNoTracking().Where(i =>
            i.PractitionerId == me
            || (i.PractitionerId != null && reports.Any(r => r.Id == i.PractitionerId))
            || (i.TeamId != null && (i.TeamId == myTeam || teamsILead.Contains(i.TeamId.Value)))
            || (i.PractitionerId == null && i.TeamId == null && frontDoors.Any(t => t.AgencyId == i.AgencyId)));
    }
}
