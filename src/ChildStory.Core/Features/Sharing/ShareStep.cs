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
        var changed = change(recipient, practitionerId, db.Time.GetUtcNow());
        if (!changed.Succeeded)
        {
            return changed.Error!;
        }
        var share = recipient.Share!;
        var (type, summary, notice) = describe(share, recipient);
        await ShareStory.WriteAsync(db, share.ChildId, recipient.AgencyId, practitionerId, actor.Name, type, summary, false, ct);
        var sender = await db.Practitioners.AsNoTracking().Where(p => p.Id == share.SenderId).Select(p => new Party(p.Id, p.GivenName + " " + p.FamilyName, p.Email)).ToListAsync(ct);
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
}
