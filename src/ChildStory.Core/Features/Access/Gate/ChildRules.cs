using ChildStory.Common;
using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Access.Gate;

/// <summary>A child's record: need to know (<see cref="ChildAccess"/>). Adults and unknown ids are "not found".</summary>
public sealed class ChildRule(ChildStoryDbContext db, ChildAccess access) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Child;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await db.People.AnyAsync(p => p.Id == id && p.IsChild, ct)
            ? new ResourceDecision(true, id, await access.BasisAsync(actor, id, ct))
            : ResourceDecision.Missing;
}

/// <summary>
/// Objects that are part of a child's record and open on the same terms as the record: alerts, plans, agreed
/// actions and withdrawals.
/// </summary>
public abstract class ChildOwnedRule(ChildAccess access) : IResourceRule
{
    public abstract ResourceKind Kind { get; }

    protected abstract Task<Guid?> ChildOfAsync(Guid id, CancellationToken ct);

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await ChildOfAsync(id, ct) is { } child
            ? new ResourceDecision(true, child, await access.BasisAsync(actor, child, ct))
            : ResourceDecision.Missing;
}

public sealed class AlertRule(ChildStoryDbContext db, ChildAccess access) : ChildOwnedRule(access)
{
    public override ResourceKind Kind => ResourceKind.Alert;

    protected override async Task<Guid?> ChildOfAsync(Guid id, CancellationToken ct) =>
        await db.Alerts.Where(a => a.Id == id).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
}

public sealed class PlanRule(ChildStoryDbContext db, ChildAccess access) : ChildOwnedRule(access)
{
    public override ResourceKind Kind => ResourceKind.Plan;

    protected override async Task<Guid?> ChildOfAsync(Guid id, CancellationToken ct) =>
        await db.Plans.Where(p => p.Id == id).Select(p => (Guid?)p.ChildId).SingleOrDefaultAsync(ct);
}

public sealed class ActionRule(ChildStoryDbContext db, ChildAccess access) : ChildOwnedRule(access)
{
    public override ResourceKind Kind => ResourceKind.Action;

    protected override async Task<Guid?> ChildOfAsync(Guid id, CancellationToken ct) =>
        await db.AgreedActions.Where(a => a.Id == id).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
}

public sealed class WithdrawalRule(ChildStoryDbContext db, ChildAccess access) : ChildOwnedRule(access)
{
    public override ResourceKind Kind => ResourceKind.Withdrawal;

    protected override async Task<Guid?> ChildOfAsync(Guid id, CancellationToken ct) =>
        await db.Withdrawals.Where(w => w.Id == id).Select(w => (Guid?)w.ChildId).SingleOrDefaultAsync(ct);
}

/// <summary>
/// A link on a peer map: readable content (<see cref="SensitiveRecords"/>: a restricted link is the holding agency's
/// alone), opened through either end the reader may open — the child who holds it, or the peer when the peer is a
/// child (the link shows on both maps). The link page then names the other end as the map does.
/// </summary>
public sealed class LinkRule(ChildStoryDbContext db, ChildAccess access) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Link;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var link = await db.Associations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.ChildId, a.PersonId, a.Sensitivity, a.AgencyId }).SingleOrDefaultAsync(ct);
        if (link is null)
        {
            return ResourceDecision.Missing;
        }
        if (!SensitiveRecords.MayRead(link.Sensitivity, link.AgencyId, actor))
        {
            return new ResourceDecision(true, link.ChildId, AccessBasis.None);
        }
        var basis = await access.BasisAsync(actor, link.ChildId, ct);
        if (basis == AccessBasis.None && link.PersonId is { } peer && await db.People.AnyAsync(p => p.Id == peer && p.IsChild, ct))
        {
            basis = await access.BasisAsync(actor, peer, ct);
        }
        return new ResourceDecision(true, link.ChildId, basis);
    }
}
