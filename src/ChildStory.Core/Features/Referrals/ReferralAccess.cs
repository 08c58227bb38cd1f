using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>
/// Who may open a referral: anyone who may read the child's record, the practitioner who made it, and the team of
/// the service it was made to (who must receive, decide and allocate it). A service's waiting list is for its own
/// team, managers and partnership leads; they see the children's names only where they may read the child's record.
/// </summary>
public sealed class ReferralAccess(ChildStoryDbContext db, ChildAccess children)
{
    public async Task<AccessBasis> BasisAsync(Actor actor, Guid referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId)
            .Select(r => new { r.ChildId, r.ReferrerId, r.Service!.TeamId }).SingleOrDefaultAsync(ct);
        if (referral is null)
        {
            return AccessBasis.None;
        }
        var basis = await children.BasisAsync(actor, referral.ChildId, ct);
        if (basis != AccessBasis.None)
        {
            return basis;
        }
        var party = actor.PractitionerId == referral.ReferrerId || await TeamOfAsync(actor, ct) == referral.TeamId;
        return party ? AccessBasis.Party : AccessBasis.None;
    }

    public async Task<AccessBasis> ServiceBasisAsync(Actor actor, Guid serviceId, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.System)
        {
            return AccessBasis.System;
        }
        var team = await db.ReferralServices.AsNoTracking().Where(s => s.Id == serviceId).Select(s => (Guid?)s.TeamId).SingleOrDefaultAsync(ct);
        var mine = team is not null && await TeamOfAsync(actor, ct) == team;
        return mine || actor.IsInRole(Roles.Manager) || actor.IsInRole(Roles.PartnershipLead) ? AccessBasis.Party : AccessBasis.None;
    }

    /// <summary>Whether the actor works in the service's own team (who see every child waiting for it).</summary>
    public async Task<bool> InServiceTeamAsync(Actor actor, Guid serviceId, CancellationToken ct)
    {
        var team = await db.ReferralServices.AsNoTracking().Where(s => s.Id == serviceId).Select(s => (Guid?)s.TeamId).SingleOrDefaultAsync(ct);
        return team is not null && await TeamOfAsync(actor, ct) == team;
    }

    private async Task<Guid?> TeamOfAsync(Actor actor, CancellationToken ct) =>
        actor.PractitionerId is { } me ? await db.Practitioners.AsNoTracking().Where(p => p.Id == me).Select(p => p.TeamId).SingleOrDefaultAsync(ct) : null;
}
