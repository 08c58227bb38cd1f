using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>The shared shape of a recipient's step: find, check membership, change, record in the story, tell the sender, audit, save.</summary>
internal static class ShareStep
{
    public static async Task<Result<bool>> RunAsync(ChildStoryDbContext db, Notifier notify, Actor actor, Guid shareId, Guid recipientId, string auditAction,
        Func<ShareRecipient, Guid, DateTimeOffset, Result<bool>> change, Func<Share, ShareRecipient, (EventType Type, string Summary, string Notice)> describe,
        CancellationToken ct)
    {
        if (actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only a practitioner can answer a share");
        }
        var recipient = await db.ShareRecipients.Include(r => r.Share).SingleOrDefaultAsync(r => r.Id == recipientId && r.ShareId == shareId, ct);
        if (recipient is null)
        {
            return Error.NotFound("Share recipient");
        }
        if (!await ShareParties.IsMemberAsync(db, recipient, practitionerId, ct))
        {
            return Error.Forbidden($"This share was sent to {recipient.Name}; only they can acknowledge it or record an action");
        }
        var acknowledgedBefore = recipient.AcknowledgedAt;
        var changed = change(recipient, practitionerId, db.Time.GetUtcNow());
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }
        var share = recipient.Share!;
        var (type, summary, notice) = describe(share, recipient);
        if (share.Kind == ShareKind.Transfer && acknowledgedBefore is null && recipient.AcknowledgedAt is not null)
        {
            summary += await InvolveReceiverAsync(db, share, recipient, practitionerId, ct);
        }
        await FollowUpStory.WriteAsync(db, share.ChildId, recipient.AgencyId, practitionerId, actor.Name, type, summary, false, ct);
        var sender = await ShareParties.PractitionerAsync(db, share.SenderId, ct);
        notify.Tell(sender, share.ChildId, notice, summary, $"/shares/{share.Id}");
        db.Audit(auditAction, share.ChildId, subject: $"ShareRecipient:{recipient.Id}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else answered for the same recipient a moment earlier: report what they did, change nothing.
            db.ChangeTracker.Clear();
            var now = await db.ShareRecipients.AsNoTracking().SingleAsync(r => r.Id == recipientId, ct);
            return Error.Conflict(now.AcknowledgedAt is { } at
                ? $"{now.AcknowledgedByName} already answered this for {now.Name} at {at:HH:mm 'on' d MMM yyyy} (UTC)"
                : $"Someone else changed this share for {now.Name} at the same moment; look again");
        }
        return true;
    }

    /// <summary>
    /// Acknowledging a transfer packet makes the receiving school or authority part of the team around the child, so
    /// its staff can read the child's record and whole story from then on; the involvement says why it began.
    /// </summary>
    private static async Task<string> InvolveReceiverAsync(ChildStoryDbContext db, Share share, ShareRecipient r, Guid acknowledgedBy, CancellationToken ct)
    {
        if (r.Kind == RecipientKind.Practitioner)
        {
            return "";
        }
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        if (await db.Involvements.AnyAsync(i => i.ChildId == share.ChildId && i.AgencyId == r.AgencyId && i.EndedOn == null, ct))
        {
            return "; they were already working with the child";
        }
        // An agency recipient's involvement belongs to the team of whoever acknowledged it, so that team sees the child.
        var team = r.TeamId ?? await db.Practitioners.Where(p => p.Id == acknowledgedBy).Select(p => p.TeamId).SingleOrDefaultAsync(ct);
        db.Involvements.Add(new Domain.People.Involvement(Guid.NewGuid(), share.ChildId, r.AgencyId, team, null, Domain.People.InvolvementRole.ReceivingAfterTransfer, today));
        return "; they are now part of the team around the child and can read the record and its history";
    }
}
