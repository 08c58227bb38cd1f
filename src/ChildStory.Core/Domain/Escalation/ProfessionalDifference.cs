using ChildStory.Common;

namespace ChildStory.Domain.Escalation;

public enum DifferenceStatus
{
    Open,
    Resolved,
}

/// <summary>What a difference is about, when it links to something ChildStory already holds.</summary>
public enum DifferenceLink
{
    None,
    Share,
    Referral,
    Meeting,
    PlanAction,
    Withdrawal,
    Alert,
}

/// <summary>The answer given at a stage: does the other side agree with the raiser?</summary>
public enum StageAnswer
{
    Agreed,
    PartlyAgreed,
    Disagreed,
}

/// <summary>
/// A resolution of professional differences ("escalation"): one practitioner disagrees with another agency's decision,
/// action or inaction about a child. It moves through the partnership's stages (practitioner to practitioner, manager
/// to manager, senior manager, the safeguarding partnership), each with a response time, until it is resolved with
/// what changed for the child. James: escalation was "under used" and practitioners felt paralysed; Child B: the
/// strategy discussion delay, transport, mentoring and the missing police report were all escalation opportunities.
/// </summary>
public sealed class ProfessionalDifference : IChildData
{
    private readonly List<DifferenceStage> _stages = [];

    private ProfessionalDifference() { }

    public ProfessionalDifference(Guid id, Guid childId, Guid raisedById, string raisedByName, Guid raisedByAgencyId, DateTimeOffset raisedAt,
        string concerns, Guid subjectAgencyId, string? subjectPerson, string whyItMatters, string outcomeSought, DifferenceLink link, Guid? linkId, string? linkText)
    {
        Id = id;
        ChildId = childId;
        RaisedById = raisedById;
        RaisedByName = raisedByName;
        RaisedByAgencyId = raisedByAgencyId;
        RaisedAt = raisedAt;
        Concerns = concerns;
        SubjectAgencyId = subjectAgencyId;
        SubjectPerson = subjectPerson;
        WhyItMatters = whyItMatters;
        OutcomeSought = outcomeSought;
        Link = link;
        LinkId = linkId;
        LinkText = linkText;
        Status = DifferenceStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid RaisedById { get; private set; }
    public string RaisedByName { get; private set; } = "";
    public Guid RaisedByAgencyId { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }

    /// <summary>The decision, action or inaction the difference is about.</summary>
    public string Concerns { get; private set; } = "";
    public Guid SubjectAgencyId { get; private set; }
    public string? SubjectPerson { get; private set; }
    public string WhyItMatters { get; private set; } = "";
    public string OutcomeSought { get; private set; } = "";
    public DifferenceLink Link { get; private set; }
    public Guid? LinkId { get; private set; }
    public string? LinkText { get; private set; }
    public int CurrentStage { get; private set; }
    public DifferenceStatus Status { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedByName { get; private set; }
    public string? Resolution { get; private set; }

    /// <summary>What changed for the child: the point of the whole process.</summary>
    public string? ChangeForChild { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<DifferenceStage> Stages => _stages;

    public DifferenceStage? Current => _stages.SingleOrDefault(s => s.Number == CurrentStage);

    public bool IsOpen => Status == DifferenceStatus.Open;

    /// <summary>Opens the first stage.</summary>
    public void Start(string stageName, DateTimeOffset dueAt, string explanation)
    {
        CurrentStage = 1;
        _stages.Add(new DifferenceStage(Guid.NewGuid(), Id, 1, stageName, RaisedAt, dueAt, explanation));
    }

    public Result<bool> Respond(Guid by, string name, StageAnswer answer, string response, string outcome, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This difference has been resolved");
        }
        var stage = Current!;
        if (stage.RespondedAt is not null)
        {
            return Error.Conflict($"Stage {stage.Number} has already been answered by {stage.RespondedByName}");
        }
        stage.Answer(by, name, answer, response, outcome, now);
        Version++;
        return true;
    }

    /// <summary>
    /// Moves to the next stage. Before the current stage is answered or overdue this is moving up early, which needs a
    /// reason; an unanswered stage past its due time, or a disagreement, may move up at once.
    /// </summary>
    public Result<bool> MoveUp(int lastStage, string nextName, DateTimeOffset nextDue, string explanation, string? reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This difference has been resolved");
        }
        if (CurrentStage >= lastStage)
        {
            return Error.Conflict("This difference is already at the last stage: the safeguarding partnership decides");
        }
        var stage = Current!;
        var early = stage.RespondedAt is null && now <= stage.DueAt;
        if (stage.Answered == StageAnswer.Agreed)
        {
            early = true;
        }
        if (early && string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("Reason", stage.RespondedAt is null
                ? $"Stage {stage.Number} is not due an answer until {stage.DueAt:d MMM yyyy HH:mm} UTC: say why it cannot wait"
                : "The other side agreed: say why you still need to move up");
        }
        stage.End(now, early, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        CurrentStage++;
        _stages.Add(new DifferenceStage(Guid.NewGuid(), Id, CurrentStage, nextName, now, nextDue, explanation));
        Version++;
        return true;
    }

    public Result<bool> Resolve(string by, string resolution, string changeForChild, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict($"This difference was already resolved by {ResolvedByName}");
        }
        Status = DifferenceStatus.Resolved;
        ResolvedAt = now;
        ResolvedByName = by;
        Resolution = resolution;
        ChangeForChild = changeForChild;
        Current?.End(now, false, null);
        Version++;
        return true;
    }
}

/// <summary>One stage of a difference: who it is with, when an answer is due, and the answer in writing.</summary>
public sealed class DifferenceStage
{
    private DifferenceStage() { }

    internal DifferenceStage(Guid id, Guid differenceId, int number, string name, DateTimeOffset startedAt, DateTimeOffset dueAt, string dueExplanation)
    {
        Id = id;
        DifferenceId = differenceId;
        Number = number;
        Name = name;
        StartedAt = startedAt;
        DueAt = dueAt;
        DueExplanation = dueExplanation;
    }

    public Guid Id { get; private set; }
    public Guid DifferenceId { get; private set; }
    public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string DueExplanation { get; private set; } = "";
    public DateTimeOffset? RespondedAt { get; private set; }
    public Guid? RespondedById { get; private set; }
    public string? RespondedByName { get; private set; }
    public StageAnswer? Answered { get; private set; }
    public string? Response { get; private set; }
    public string? Outcome { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public bool MovedUpEarly { get; private set; }
    public string? MoveUpReason { get; private set; }

    /// <summary>When the raiser was told the stage was unanswered past its due time (once).</summary>
    public DateTimeOffset? OverdueToldAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => RespondedAt is null && EndedAt is null && now > DueAt;

    internal void Answer(Guid by, string name, StageAnswer answer, string response, string outcome, DateTimeOffset now)
    {
        RespondedAt = now;
        RespondedById = by;
        RespondedByName = name;
        Answered = answer;
        Response = response;
        Outcome = outcome;
        Version++;
    }

    internal void End(DateTimeOffset now, bool early, string? reason)
    {
        EndedAt = now;
        MovedUpEarly = early;
        MoveUpReason = reason;
        Version++;
    }

    public void MarkOverdueTold(DateTimeOffset now)
    {
        OverdueToldAt = now;
        Version++;
    }
}
