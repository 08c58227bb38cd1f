using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Escalation;
using ChildStory.Features.FrontDoor;
using ChildStory.Features.Meetings;
using ChildStory.Features.Referrals;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Access.Gate;

/// <summary>A meeting: the team around the child, or the people and teams invited to it (<see cref="MeetingAccess"/>).</summary>
public sealed class MeetingRule(ChildStoryDbContext db, MeetingAccess meetings) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Meeting;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await db.Meetings.Where(m => m.Id == id).Select(m => (Guid?)m.ChildId).SingleOrDefaultAsync(ct) is { } child
            ? new ResourceDecision(true, child, await meetings.BasisAsync(actor, id, ct))
            : ResourceDecision.Missing;
}

/// <summary>A share: its sender, its recipients, or anyone who may read the child's record (<see cref="ShareAccess"/>).</summary>
public sealed class ShareRule(ChildStoryDbContext db, ShareAccess shares) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Share;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await db.Shares.Where(s => s.Id == id).Select(s => (Guid?)s.ChildId).SingleOrDefaultAsync(ct) is { } child
            ? new ResourceDecision(true, child, await shares.BasisAsync(actor, id, ct))
            : ResourceDecision.Missing;
}

/// <summary>A professional difference: the team around the child, who raised it, the agency it is about (<see cref="DifferenceAccess"/>).</summary>
public sealed class DifferenceRule(ChildStoryDbContext db, DifferenceAccess differences, ChildAccess children) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Difference;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var difference = await db.ProfessionalDifferences.AsNoTracking().Include(d => d.Stages).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (difference is null)
        {
            return ResourceDecision.Missing;
        }
        var basis = await children.BasisAsync(actor, difference.ChildId, ct);
        if (basis == AccessBasis.None && await differences.MayReadAsync(actor, difference, ct))
        {
            basis = AccessBasis.Party;
        }
        return new ResourceDecision(true, difference.ChildId, basis);
    }
}

/// <summary>A referral: the team around the child, the referrer and the receiving service's team (<see cref="ReferralAccess"/>).</summary>
public sealed class ReferralRule(ChildStoryDbContext db, ReferralAccess referrals) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Referral;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await db.Referrals.Where(r => r.Id == id).Select(r => (Guid?)r.ChildId).SingleOrDefaultAsync(ct) is { } child
            ? new ResourceDecision(true, child, await referrals.BasisAsync(actor, id, ct))
            : ResourceDecision.Missing;
}

/// <summary>
/// A contact at the front door: the front door (and the emergency duty team) who triage it and their managers, or
/// anyone who may read the child's record. Managers elsewhere do not read contacts about children they do not work with.
/// </summary>
public sealed class ContactRule(ChildStoryDbContext db, ChildAccess children) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Contact;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.Contacts.Where(c => c.Id == id).Select(c => (Guid?)c.ChildId).SingleOrDefaultAsync(ct) is not { } child)
        {
            return ResourceDecision.Missing;
        }
        var basis = await FrontDoorStaff.IsStaffOrManagerAsync(db, actor, ct) ? AccessBasis.FrontDoor : await children.BasisAsync(actor, child, ct);
        return new ResourceDecision(true, child, basis);
    }
}

/// <summary>A possible match waiting for the front door's decision: front door practitioners only.</summary>
public sealed class MatchReviewRule(ChildStoryDbContext db) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.MatchReview;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!await db.MatchReviews.AnyAsync(r => r.Id == id, ct))
        {
            return ResourceDecision.Missing;
        }
        var basis = actor.Kind == ActorKind.System ? AccessBasis.System : actor.IsInRole(Roles.FrontDoor) ? AccessBasis.FrontDoor : AccessBasis.None;
        return new ResourceDecision(true, null, basis);
    }
}

/// <summary>
/// A service's waiting list: its own team, managers and partnership leads (who see the waits; names only of the
/// children they may see — <see cref="ReferralQueries.WaitingListAsync"/>).
/// </summary>
public sealed class ServiceRule(ChildStoryDbContext db, ReferralAccess referrals) : IResourceRule
{
    public ResourceKind Kind => ResourceKind.Service;

    public async Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct) =>
        await db.ReferralServices.AnyAsync(s => s.Id == id, ct)
            ? new ResourceDecision(true, null, await referrals.ServiceBasisAsync(actor, id, ct))
            : ResourceDecision.Missing;
}
