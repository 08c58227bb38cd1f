using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>
/// Who may open a share: anyone who may read the child's record (the team around the child follows whether
/// information reached its recipients), its sender, or anyone it was sent to — in person, through their team, or
/// through their agency — who opens the share, not the child's record.
/// </summary>
public sealed class ShareAccess(ChildStoryDbContext db, ChildAccess children)
{
    public async Task<AccessBasis> BasisAsync(Actor actor, Guid shareId, CancellationToken ct)
    {
        var share = await db.Shares.AsNoTracking().Include(s => s.Recipients).SingleOrDefaultAsync(s => s.Id == shareId, ct);
        return share is null ? AccessBasis.None : await BasisAsync(actor, share, ct);
    }

    public async Task<AccessBasis> BasisAsync(Actor actor, Share share, CancellationToken ct)
    {
        var basis = await children.BasisAsync(actor, share.ChildId, ct);
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        var party = actor.PractitionerId is { } me
            && (me == share.SenderId || (await ShareParties.RecipientsOfAsync(db, share.Recipients, me, ct)).Count > 0);
        return party ? AccessBasis.Party : AccessBasis.None;
    }
}
