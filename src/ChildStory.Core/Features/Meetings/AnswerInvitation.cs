using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>
/// The invitee replies (coming, or apologies with a reason) and submits their report before the meeting. Only those
/// the invitation is addressed to answer it — the practitioner or a member of the team invited, or the manager of
/// either (<see cref="MeetingAccess"/>); anyone else who may see the meeting is told so, and a stranger that it does not exist.
/// </summary>
public sealed class AnswerInvitation(ChildStoryDbContext db, MeetingAccess access)
{
    public async Task<Result<bool>> ReplyAsync(Actor actor, Guid invitationId, InvitationResponse? response, string? note, CancellationToken ct = default)
    {
        var (invitation, error) = await OpenAsync(actor, invitationId, ct);
        if (invitation is null)
        {
            return error!;
        }
        if (response is null or InvitationResponse.Invited)
        {
            return Error.Invalid("Reply", "Choose whether your agency will attend");
        }
        if (response == InvitationResponse.Apologies && string.IsNullOrWhiteSpace(note))
        {
            return Error.Invalid("ResponseNote", "Say why your agency cannot attend, and how it will contribute instead");
        }
        if ((note?.Length ?? 0) > 1_000)
        {
            return Error.Invalid("ResponseNote", "The note must be 1,000 characters or fewer");
        }
        invitation.Respond(response.Value, note?.Trim());
        db.Audit(AuditActions.MeetingUpdated, await ChildOfAsync(invitation, ct), subject: $"Meeting:{invitation.MeetingId}", detail: $"{{\"reply\":\"{response}\"}}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<bool>> SubmitReportAsync(Actor actor, Guid invitationId, string? report, CancellationToken ct = default)
    {
        var (invitation, error) = await OpenAsync(actor, invitationId, ct);
        if (invitation is null)
        {
            return error!;
        }
        var text = report?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("Report", "Write your agency's report: what you know, what worries you, what is going well");
        }
        if (text.Length > 8_000)
        {
            return Error.Invalid("Report", "The report must be 8,000 characters or fewer");
        }
        invitation.SubmitReport(text, actor.Name, db.Time.GetUtcNow());
        db.Audit(AuditActions.MeetingUpdated, await ChildOfAsync(invitation, ct), subject: $"Meeting:{invitation.MeetingId}", detail: "{\"report\":true}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private Task<Guid> ChildOfAsync(MeetingInvitation invitation, CancellationToken ct) =>
        db.Meetings.AsNoTracking().Where(m => m.Id == invitation.MeetingId).Select(m => m.ChildId).SingleAsync(ct);

    private async Task<(MeetingInvitation?, Error?)> OpenAsync(Actor actor, Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.MeetingInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, ct);
        if (invitation is null)
        {
            return (null, Error.NotFound("Invitation"));
        }
        if (!await access.AnswersAsync(actor, invitationId, ct))
        {
            // Someone else's invitation: those who may see the meeting are told whose it is; anyone else, what a stranger would be.
            var opened = await access.OpenAsync(actor, invitation.MeetingId, ct);
            return (null, opened.Succeeded ? Error.Forbidden("Only the invitee, their team or their manager can answer this invitation") : opened.Error);
        }
        var status = await db.Meetings.AsNoTracking().Where(m => m.Id == invitation.MeetingId).Select(m => m.Status).SingleAsync(ct);
        return status == MeetingStatus.Scheduled ? (invitation, null) : (null, Error.Conflict($"This meeting has been {status.ToString().ToLowerInvariant()}"));
    }
}
