using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>
/// A recipient records what they did about a share, or that nothing is needed and why (acknowledging it too if they
/// had not). Once per recipient; the step lands in the child's story and the sender is told.
/// </summary>
public sealed class RecordShareAction(ChildStoryDbContext db, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid shareId, Guid recipientId, string? action, bool noActionNeeded, CancellationToken ct = default)
    {
        var text = action?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("Action", noActionNeeded ? "Say why no action is needed" : "Say what action you took");
        }
        if (text.Length > 4_000)
        {
            return Error.Invalid("Action", "The action must be 4,000 characters or fewer");
        }
        return await ShareStep.RunAsync(db, notify, actor, shareId, recipientId, AuditActions.ShareActioned, (r, practitionerId, now) =>
            r.RecordAction(practitionerId, actor.Name, text, noActionNeeded, now),
            (share, r) => (EventType.ShareActioned, noActionNeeded
                ? $"{actor.Name} ({r.Name}) recorded that no action is needed on \"{share.Subject}\": {text}"
                : $"{actor.Name} ({r.Name}) recorded the action taken on \"{share.Subject}\": {text}",
                $"{r.Name} recorded {(noActionNeeded ? "that no action is needed" : "the action taken")} on your share"), ct);
    }
}
