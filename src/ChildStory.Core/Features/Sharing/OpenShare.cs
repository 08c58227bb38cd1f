using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>A share as its readers see it: the message, the linked entries and, per recipient, how far it has got.</summary>
public sealed record ShareView(
    Guid Id,
    Guid ChildId,
    string ChildName,
    string Subject,
    string Message,
    string SenderName,
    string SenderAgency,
    DateTimeOffset SentAt,
    string SentAtText,
    LawfulBasis LawfulBasis,
    string? BasisReason,
    ShareUrgency Urgency,
    int? WithinDays,
    IReadOnlyList<ShareView.LinkedEvent> Events,
    IReadOnlyList<ShareView.RecipientView> Recipients,
    bool IsSender,
    ShareKind Kind,
    TransferPacket? Packet,
    IReadOnlyList<ShareView.AttachmentView> Attachments)
{
    public sealed record AttachmentView(Guid Id, string FileName, long Size);

    public sealed record LinkedEvent(Guid Id, DateTimeOffset OccurredAt, string Type);

    public sealed record RecipientView(
        Guid Id, string Name, RecipientStatus Status, bool Late, bool OutOfHoursRoute, string DueText, string DueExplanation,
        string? ReadText, string? AcknowledgedText, string? ActionText, bool NoActionNeeded, ChaseStep ChaseStep, string? ChaseText, bool CanAnswer);
}

/// <summary>
/// Opens a share for someone entitled to it: its sender, anyone it was sent to, or anyone who may read the child's
/// record (the team around the child follows whether information reached its recipients). Opening marks it read
/// for the recipients the reader belongs to. Everyone else gets "not found", audited as a refusal.
/// </summary>
public sealed class OpenShare(ChildStoryDbContext db, ShareAccess access, PartnershipCalendar calendar)
{
    public async Task<Result<ShareView>> RunAsync(Actor actor, Guid shareId, CancellationToken ct = default)
    {
        var share = await db.Shares.Include(s => s.Recipients).Include(s => s.Events).SingleOrDefaultAsync(s => s.Id == shareId, ct);
        if (share is null)
        {
            return Error.NotFound("Share");
        }
        var practitionerId = actor.PractitionerId;
        var mine = await ShareParties.RecipientsOfAsync(db, share.Recipients, practitionerId, ct);
        var isSender = practitionerId == share.SenderId;
        if (!await MayReadAsync(actor, share, ct))
        {
            db.Audit(AuditActions.ChildAccessDenied, share.ChildId, subject: $"Share:{share.Id}");
            await db.SaveChangesAsync(ct);
            return Error.NotFound("Share");
        }
        var now = db.Time.GetUtcNow();
        foreach (var r in share.Recipients.Where(r => mine.Contains(r.Id)))
        {
            r.MarkRead(practitionerId!.Value, now);
        }
        var working = await calendar.GetAsync(db, ct);
        var child = await db.People.AsNoTracking().Where(p => p.Id == share.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var senderAgency = await db.Agencies.AsNoTracking().Where(a => a.Id == share.SenderAgencyId).Select(a => a.Name).SingleAsync(ct);
        var eventIds = share.Events.Select(e => e.EventId).ToList();
        var events = await db.ChronologyEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.OccurredAt, e.Type }).ToListAsync(ct);

        var attachments = await db.ShareAttachments.AsNoTracking().Where(a => a.ShareId == share.Id).OrderBy(a => a.FileName)
            .Select(a => new ShareView.AttachmentView(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        db.Audit(AuditActions.ShareViewed, share.ChildId, subject: $"Share:{share.Id}");
        await db.SaveChangesAsync(ct);

        string? When(DateTimeOffset? at, string? who) => at is { } t ? $"{working.Describe(t)}{(who is null ? "" : $" by {who}")}" : null;
        return new ShareView(share.Id, share.ChildId, child, share.Subject, share.Message, share.SenderName, senderAgency, share.SentAt,
            working.Describe(share.SentAt), share.LawfulBasis, share.BasisReason, share.Urgency, share.WithinDays,
            events.OrderBy(e => e.OccurredAt).Select(e => new ShareView.LinkedEvent(e.Id, e.OccurredAt, Domain.Chronology.EventTypes.Describe(e.Type))).ToList(),
            share.Recipients.OrderBy(r => r.OutOfHoursRoute).ThenBy(r => r.Name).Select(r => new ShareView.RecipientView(
                r.Id, r.Name, r.Status, r.IsLate(now), r.OutOfHoursRoute, working.Describe(r.DueAt), r.DueExplanation,
                When(r.ReadAt, null), When(r.AcknowledgedAt, r.AcknowledgedByName), r.ActionTaken is null ? null : $"{r.ActionTaken} ({When(r.ActionedAt, r.ActionedByName)})",
                r.NoActionNeeded, r.ChaseStep, ChaseText(r, working), mine.Contains(r.Id) && r.ActionedAt is null)).ToList(),
            isSender, share.Kind, share.Packet, attachments);
    }

    private static string? ChaseText(ShareRecipient r, WorkingTime working) => r.ChaseStep switch
    {
        ChaseStep.Chased => $"Chased {working.Describe(r.ChasedAt!.Value)}",
        ChaseStep.EscalatedToRecipientManager => $"Chased {working.Describe(r.ChasedAt!.Value)}; escalated to their manager {working.Describe(r.EscalatedToRecipientManagerAt!.Value)}",
        ChaseStep.EscalatedToSenderManager => $"Chased, escalated to their manager, then to the sender's manager {working.Describe(r.EscalatedToSenderManagerAt!.Value)}",
        _ => null,
    };

    /// <summary>One attachment's file, for the same readers as the share itself; every download is audited.</summary>
    public async Task<Result<(string FileName, string ContentType, byte[] Content)>> AttachmentAsync(Actor actor, Guid shareId, Guid attachmentId, CancellationToken ct = default)
    {
        var share = await db.Shares.AsNoTracking().Include(s => s.Recipients).SingleOrDefaultAsync(s => s.Id == shareId, ct);
        var attachment = share is null ? null : await db.ShareAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ShareId == shareId, ct);
        if (share is null || attachment is null)
        {
            return Error.NotFound("Attachment");
        }
        if (!await MayReadAsync(actor, share, ct))
        {
            db.Audit(AuditActions.ChildAccessDenied, share.ChildId, subject: $"ShareAttachment:{attachment.Id}");
            await db.SaveChangesAsync(ct);
            return Error.NotFound("Attachment");
        }
        db.Audit(AuditActions.ShareAttachmentDownloaded, share.ChildId, subject: $"ShareAttachment:{attachment.Id}",
            detail: $"{{\"file\":{System.Text.Json.JsonSerializer.Serialize(attachment.FileName)},\"sha256\":\"{attachment.Sha256}\"}}");
        await db.SaveChangesAsync(ct);
        return (attachment.FileName, attachment.ContentType, attachment.Content);
    }

    /// <summary>Its sender, anyone it was sent to, or anyone who may read the child's record (<see cref="ShareAccess"/>).</summary>
    private async Task<bool> MayReadAsync(Actor actor, Share share, CancellationToken ct) =>
        actor.Kind == ActorKind.System || await access.BasisAsync(actor, share, ct) != AccessBasis.None;
}
