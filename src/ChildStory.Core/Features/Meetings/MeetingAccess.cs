using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>Who may open a meeting: anyone who may read the child's record, or a practitioner invited to it in person.</summary>
public sealed class MeetingAccess(ChildStoryDbContext db, ChildAccess children)
{
    public async Task<AccessBasis> BasisAsync(Actor actor, Guid meetingId, CancellationToken ct)
    {
        var childId = await db.Meetings.Where(m => m.Id == meetingId).Select(m => (Guid?)m.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null)
        {
            return AccessBasis.None;
        }
        var basis = await children.BasisAsync(actor, childId.Value, ct);
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        return actor.PractitionerId is { } me && await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meetingId && i.PractitionerId == me, ct)
            ? AccessBasis.Party
            : AccessBasis.None;
    }
}
