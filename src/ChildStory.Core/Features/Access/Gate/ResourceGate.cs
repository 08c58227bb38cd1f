using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Access.Gate;

/// <summary>
/// The one enforcement point for need to know on anything a route names. The web host calls it before any page or
/// endpoint handler runs, for every method: a refusal answers exactly as a missing object does ("not found"), and
/// is audited with the object's kind and id, so nobody learns that a child is known elsewhere (an object about no
/// child is refused as "forbidden"). See README.md.
/// </summary>
public sealed class ResourceGate(IEnumerable<IResourceRule> rules, ChildStoryDbContext db)
{
    private readonly Dictionary<ResourceKind, IResourceRule> _rules = rules.ToDictionary(r => r.Kind);

    public async Task<Result<AccessBasis>> OpenAsync(Actor actor, ResourceKind kind, Guid id, CancellationToken ct = default)
    {
        if (!_rules.TryGetValue(kind, out var rule))
        {
            throw new InvalidOperationException($"No access rule for {kind}: every kind a route can name needs one");
        }
        var decision = await rule.DecideAsync(actor, id, ct);
        if (decision.Basis != AccessBasis.None)
        {
            return decision.Basis;
        }
        if (!decision.Exists)
        {
            return Error.NotFound(kind.ToString());
        }
        db.Audit(AuditActions.ChildAccessDenied, decision.ChildId, subject: $"{kind}:{id}");
        await db.SaveChangesAsync(ct);
        // An object about a child is "not found", never "forbidden": that would say the child is known. An object
        // about no child (a service's waiting list, an identity review) is public knowledge, so "forbidden" is honest.
        return decision.ChildId is null ? Error.Forbidden($"{kind} is not for you") : Error.NotFound(kind.ToString());
    }

    /// <summary>Whether a part named in a route belongs to the child or object the route opened (else: not found).</summary>
    public async Task<bool> BelongsAsync(PartKind part, Guid ownerId, Guid partId, CancellationToken ct = default) => part switch
    {
        PartKind.StoryEntry => await db.ChronologyEvents.AnyAsync(e => e.Id == partId && e.ChildId == ownerId, ct),
        PartKind.Involvement => await db.Involvements.AnyAsync(i => i.Id == partId && i.ChildId == ownerId, ct),
        PartKind.ShareAttachment => await db.ShareAttachments.AnyAsync(a => a.Id == partId && a.ShareId == ownerId, ct),
        _ => false,
    };
}
