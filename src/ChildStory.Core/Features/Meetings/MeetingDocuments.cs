using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>
/// Minutes attached to a held meeting by the organising agency (checked like any attachment: kind, content and size),
/// and downloaded by those who may open the meeting (<see cref="MeetingAccess"/>): the team around the child, the front
/// door, and those the invitations are addressed to. Each download is audited; everyone invited is told when minutes arrive.
/// </summary>
public sealed class MeetingDocuments(ChildStoryDbContext db, CaseworkAccess casework, MeetingAccess access, Notifier notify)
{
    public async Task<Result<int>> AttachAsync(Actor actor, Guid meetingId, IReadOnlyList<AttachmentInput> files, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Meeting");
        }
        var opened = await casework.OpenForWorkAsync(actor, meeting.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (actor.AgencyId != meeting.OrganiserAgencyId)
        {
            return Error.Forbidden("The organising agency attaches the minutes");
        }
        if (meeting.Status != MeetingStatus.Held)
        {
            return Error.Conflict("Minutes can be attached once the meeting is recorded as held");
        }
        var errors = new ValidationErrors();
        if (files.Count == 0)
        {
            errors.Add("Attachments", "Choose the minutes to attach");
        }
        var kept = Attachments.Check(files, errors);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var now = db.Time.GetUtcNow();
        db.MeetingDocuments.AddRange(kept.Select(f => new MeetingDocument(Guid.NewGuid(), meeting.Id, f.FileName, f.ContentType, f.Content, actor.Name, now)));
        var invited = await MeetingParties.InvitedAsync(db, meeting, ct);
        notify.Tell(invited, meeting.ChildId, $"Minutes of the {Meeting.Describe(meeting.Type).ToLowerInvariant()}", $"Attached by {actor.Name}.", $"/meetings/{meeting.Id}");
        db.Audit(AuditActions.MeetingUpdated, meeting.ChildId, subject: $"Meeting:{meeting.Id}", detail: $"{{\"minutesAttached\":{kept.Count}}}");
        await db.SaveChangesAsync(ct);
        return kept.Count;
    }

    public async Task<Result<(string FileName, string ContentType, byte[] Content)>> DownloadAsync(Actor actor, Guid meetingId, Guid documentId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId).Select(m => new { m.Id, m.ChildId }).SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return Error.NotFound("Document");
        }
        var opened = await access.OpenAsync(actor, meeting.Id, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var document = await db.MeetingDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.MeetingId == meetingId, ct);
        if (document is null)
        {
            return Error.NotFound("Document");
        }
        db.Audit(AuditActions.MeetingDocumentDownloaded, meeting.ChildId, subject: $"MeetingDocument:{document.Id}");
        await db.SaveChangesAsync(ct);
        return (document.FileName, document.ContentType, document.Content);
    }

    /// <summary>The files attached to a meeting, without their content.</summary>
    internal static Task<List<DocumentView>> ListAsync(ChildStoryDbContext db, Guid meetingId, CancellationToken ct) =>
        db.MeetingDocuments.AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.UploadedAt)
            .Select(d => new DocumentView(d.Id, d.FileName, d.Size, d.UploadedBy, d.UploadedAt)).ToListAsync(ct);
}

public sealed record DocumentView(Guid Id, string FileName, long Size, string UploadedBy, DateTimeOffset UploadedAt);
