using ChildStory.Common;
namespace ChildStory.Features.Access.Gate;

/// <summary>What a route names: a child, or an object that belongs to a child and is opened on its own page.</summary>
public enum ResourceKind
{
    Child,
    Meeting,
    Share,
    Action,
    Alert,
    Difference,
    Contact,
    MatchReview,
    Link,
    Plan,
    Referral,
    Withdrawal,
    Service,
}

/// <summary>A part of a child or object named in the same route (an entry of the child's story, a share's attachment).</summary>
public enum PartKind
{
    StoryEntry,
    Involvement,
    ShareAttachment,
}

/// <summary>
/// The answer for one object: whether it exists, the child it belongs to (null for an object about no child) and the
/// basis on which the actor may open it (<see cref="AccessBasis.None"/>: refused).
/// </summary>
public sealed record ResourceDecision(bool Exists, Guid? ChildId, AccessBasis Basis)
{
    public static readonly ResourceDecision Missing = new(false, null, AccessBasis.None);
}

/// <summary>Who may open one kind of object. Each kind has exactly one rule, and every page, endpoint and use case uses it.</summary>
public interface IResourceRule
{
    ResourceKind Kind { get; }

    Task<ResourceDecision> DecideAsync(Actor actor, Guid id, CancellationToken ct);
}
