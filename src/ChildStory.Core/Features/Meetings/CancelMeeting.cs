using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>The organising agency cancels a meeting, with the reason; everyone invited is told. Its clocks keep running.</summary>
public sealed class CancelMeeting(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid meetingId, string? reason, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Meeting");
        }
        var opened = await access.OpenForWorkAsync(actor, meeting.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (actor.AgencyId != meeting.OrganiserAgencyId)
        {
            return Error.Forbidden("Only the organising agency can cancel the meeting");
        }
        var text = reason?.Trim() ?? "";
        if (text.Length is 0 or > 2_000)
        {
            return Error.Invalid("CancelReason", "Say why the meeting is cancelled (2,000 characters or fewer)");
        }
        var cancelled = meeting.Cancel(text);
        if (!cancelled.Succeeded)
        {
            return cancelled;
        }
        var invited = await MeetingParties.InvitedAsync(db, meeting, ct);
        notify.Tell(invited, meeting.ChildId, $"Cancelled: {Meeting.Describe(meeting.Type).ToLowerInvariant()} on {meeting.StartsAt:d MMM yyyy}", text, $"/meetings/{meeting.Id}");
        db.Audit(AuditActions.MeetingUpdated, meeting.ChildId, subject: $"Meeting:{meeting.Id}", detail: "{\"cancelled\":true}", reason: text);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
