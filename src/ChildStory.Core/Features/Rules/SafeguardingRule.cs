using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules;

/// <summary>One piece of evidence behind an alert: what it is, its id, how a reader would name it, and when.</summary>
public sealed record Evidence(string Kind, Guid Id, string Label, DateTimeOffset? At)
{
    public static Evidence Of(FactEvent e) => new("Event", e.Id, $"{Domain.Chronology.EventTypes.Describe(e.Type)}: {e.Summary}", e.OccurredAt);

    public static Evidence Of(FactInvolvement i) => new("Involvement", i.Id, $"{i.Agency}, {TeamAroundChild.Words.Role(i.Role).ToLowerInvariant()}", null);
}

/// <summary>
/// What a rule found: the condition (its key is the same while the condition is the same, and changes when it does),
/// in plain words, with the evidence. The engine turns a new finding into an alert; a person decides what to do.
/// </summary>
public sealed record Finding(string ConditionKey, string Summary, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// A safeguarding rule: a small, named, versioned piece of code that reads what the partnership knows about one child
/// and says when something needs a human decision, and why. It cites where it comes from and names its parameters,
/// which a partnership can change (<c>Rules:{id}:{parameter}</c>).
/// </summary>
public interface ISafeguardingRule
{
    string Id { get; }

    int Version { get; }

    string Title { get; }

    /// <summary>The review finding or guidance the rule answers.</summary>
    string Source { get; }

    /// <summary>What the person told should consider doing.</summary>
    string Guidance { get; }

    AlertAudience Audience { get; }

    /// <summary>True when passing time alone can make it fire (the daily sweep runs these for every active child).</summary>
    bool TimeDriven { get; }

    IReadOnlyDictionary<string, string> Parameters { get; }

    IEnumerable<Finding> Evaluate(ChildFacts child);
}
