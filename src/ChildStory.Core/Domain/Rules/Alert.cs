using ChildStory.Common;

namespace ChildStory.Domain.Rules;

/// <summary>Whom a rule tells.</summary>
public enum AlertAudience
{
    LeadProfessional,
    Team,
    Managers,

    /// <summary>The out-of-hours emergency duty team.</summary>
    OutOfHours,
}

public enum AlertStatus
{
    Open,
    Acknowledged,
    Actioned,
    Dismissed,
}

/// <summary>
/// Advice from a safeguarding rule about one child: which rule (and version) raised it, when, why in plain words, the
/// evidence (events, involvements, relationships, plans, referrals) and the guidance. A person records what was decided:
/// acknowledged, acted on (what was done) or dismissed (why). The same condition — the same <see cref="ConditionKey"/> —
/// never raises a second alert; a changed condition does. Nothing is decided automatically about a child.
/// </summary>
public sealed class Alert
{
    private Alert() { }

    public Alert(Guid id, Guid childId, string ruleId, int ruleVersion, string conditionKey, DateTimeOffset raisedAt, string title, string summary,
        string guidance, string evidenceJson, AlertAudience audience)
    {
        Id = id;
        ChildId = childId;
        RuleId = ruleId;
        RuleVersion = ruleVersion;
        ConditionKey = conditionKey;
        RaisedAt = raisedAt;
        Title = title;
        Summary = summary;
        Guidance = guidance;
        EvidenceJson = evidenceJson;
        Audience = audience;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public string RuleId { get; private set; } = "";
    public int RuleVersion { get; private set; }
    public string ConditionKey { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public string Title { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Guidance { get; private set; } = "";

    /// <summary>The evidence as JSON: [{ kind, id, label, at }].</summary>
    public string EvidenceJson { get; private set; } = "[]";
    public AlertAudience Audience { get; private set; }
    public AlertStatus Status { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Outcome { get; private set; }
    public int Version { get; private set; }

    public Result<bool> Decide(AlertStatus status, string? outcome, string by, DateTimeOffset at)
    {
        if (status == AlertStatus.Open)
        {
            return Error.Invalid("Decision", "Choose what was decided");
        }
        if (Status is AlertStatus.Actioned or AlertStatus.Dismissed)
        {
            return Error.Conflict($"This alert was already {Status.ToString().ToLowerInvariant()} by {DecidedBy}");
        }
        if (status is AlertStatus.Actioned or AlertStatus.Dismissed && string.IsNullOrWhiteSpace(outcome))
        {
            return Error.Invalid("Outcome", status == AlertStatus.Actioned ? "Say what was done" : "Say why the alert is dismissed");
        }
        Status = status;
        Outcome = string.IsNullOrWhiteSpace(outcome) ? Outcome : outcome.Trim();
        DecidedAt = at;
        DecidedBy = by;
        Version++;
        return true;
    }
}

/// <summary>A child whose information changed since the rules last read it: the engine's work list.</summary>
public sealed class RuleWork
{
    private RuleWork() { }

    public RuleWork(Guid childId, DateTimeOffset queuedAt)
    {
        ChildId = childId;
        QueuedAt = queuedAt;
    }

    public long Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateTimeOffset QueuedAt { get; private set; }
}
