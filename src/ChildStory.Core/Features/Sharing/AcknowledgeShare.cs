using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>
/// A recipient acknowledges receipt of a share — only someone the share was sent to (the named practitioner, a member
/// of the team, someone in the agency) and only once. The step lands in the child's story and the sender is told.
/// Two people acknowledging for one recipient at the same moment leave one acknowledgement; the other is told who won.
/// </summary>
public sealed class AcknowledgeShare(ChildStoryDbContext db, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid shareId, Guid recipientId, CancellationToken ct = default) =>
        await ShareStep.RunAsync(db, notify, actor, shareId, recipientId, AuditActions.ShareAcknowledged, (r, practitionerId, now) =>
            r.Acknowledge(practitionerId, actor.Name, now),
            (share, r) => (EventType.ShareAcknowledged, $"{actor.Name} acknowledged \"{share.Subject}\" for {r.Name}{(r.IsLate(r.AcknowledgedAt!.Value) ? " (late)" : "")}",
                $"{r.Name} acknowledged your share"), ct);
}
