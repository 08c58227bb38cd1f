using ChildStory.Common;

namespace ChildStory.Domain.Casework;

public enum WithdrawalRisk
{
    Low,
    Medium,
    High,
}

public enum WithdrawalRoute
{
    /// <summary>A multi-agency meeting that has been held agreed the withdrawal.</summary>
    MeetingDecision,

    /// <summary>The team is given notice and may contest within the notice period.</summary>
    NoticeToTeam,
}

public enum WithdrawalStatus
{
    /// <summary>Notice given; the team may contest until the notice ends.</summary>
    UnderNotice,

    /// <summary>Someone in the team contested: the involvement continues until a meeting decides.</summary>
    Contested,

    /// <summary>The involvement has ended.</summary>
    Completed,

    /// <summary>A meeting decided the agency stays involved.</summary>
    Refused,

    /// <summary>The proposing agency thought better of it.</summary>
    Cancelled,
}

/// <summary>
/// An agency ending its involvement with a child (James: CAMHS and school nursing closed alone, leaving social care on
/// its own). It records why and a risk assessment of the withdrawal, and either a multi-agency decision or a notice to
/// the team that the team can contest. When it would leave one agency alone with a child on an active plan, the team
/// is warned before it happens and the remaining agency is offered the escalation route.
/// </summary>
public sealed class Withdrawal
{
    private Withdrawal() { }

    public Withdrawal(Guid id, Guid childId, Guid involvementId, Guid agencyId, Guid proposedById, string proposedByName, DateTimeOffset proposedAt,
        string reason, WithdrawalRisk risk, string riskAssessment, WithdrawalRoute route, Guid? meetingId, DateTimeOffset? noticeEndsAt,
        string? noticeExplanation, bool leavesOneAgency, Guid? remainingAgencyId)
    {
        Id = id;
        ChildId = childId;
        InvolvementId = involvementId;
        AgencyId = agencyId;
        ProposedById = proposedById;
        ProposedByName = proposedByName;
        ProposedAt = proposedAt;
        Reason = reason;
        Risk = risk;
        RiskAssessment = riskAssessment;
        Route = route;
        MeetingId = meetingId;
        NoticeEndsAt = noticeEndsAt;
        NoticeExplanation = noticeExplanation;
        LeavesOneAgency = leavesOneAgency;
        RemainingAgencyId = remainingAgencyId;
        Status = WithdrawalStatus.UnderNotice;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid InvolvementId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid ProposedById { get; private set; }
    public string ProposedByName { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public string Reason { get; private set; } = "";
    public WithdrawalRisk Risk { get; private set; }
    public string RiskAssessment { get; private set; } = "";
    public WithdrawalRoute Route { get; private set; }
    public Guid? MeetingId { get; private set; }
    public DateTimeOffset? NoticeEndsAt { get; private set; }
    public string? NoticeExplanation { get; private set; }

    /// <summary>The "last agency standing" warning: after this, one agency would be left with a child on an active plan.</summary>
    public bool LeavesOneAgency { get; private set; }
    public Guid? RemainingAgencyId { get; private set; }
    public WithdrawalStatus Status { get; private set; }
    public Guid? ContestedById { get; private set; }
    public string? ContestedByName { get; private set; }
    public DateTimeOffset? ContestedAt { get; private set; }
    public string? ContestReason { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Decision { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status is WithdrawalStatus.UnderNotice or WithdrawalStatus.Contested;

    public Result<bool> Contest(Guid by, string name, string reason, DateTimeOffset now)
    {
        if (Status != WithdrawalStatus.UnderNotice)
        {
            return Error.Conflict(Status == WithdrawalStatus.Contested ? "This withdrawal has already been contested: a meeting will decide" : "This withdrawal is no longer open to contest");
        }
        if (NoticeEndsAt is { } ends && now > ends)
        {
            return Error.Conflict("The notice period has ended; the withdrawal can no longer be contested. Use the escalation route");
        }
        Status = WithdrawalStatus.Contested;
        ContestedById = by;
        ContestedByName = name;
        ContestedAt = now;
        ContestReason = reason;
        Version++;
        return true;
    }

    public void Complete(DateOnly on, DateTimeOffset now, string decision)
    {
        Status = WithdrawalStatus.Completed;
        EndedOn = on;
        DecidedAt = now;
        Decision = decision;
        Version++;
    }

    public Result<bool> Resolve(bool agreed, Guid meetingId, string decision, DateTimeOffset now)
    {
        if (Status != WithdrawalStatus.Contested)
        {
            return Error.Conflict("Only a contested withdrawal waits for a meeting's decision");
        }
        MeetingId = meetingId;
        if (agreed)
        {
            Complete(DateOnly.FromDateTime(now.UtcDateTime), now, decision);
        }
        else
        {
            Status = WithdrawalStatus.Refused;
            DecidedAt = now;
            Decision = decision;
            Version++;
        }
        return true;
    }

    public Result<bool> Cancel(string reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict("This withdrawal has already been decided");
        }
        Status = WithdrawalStatus.Cancelled;
        DecidedAt = now;
        Decision = reason;
        Version++;
        return true;
    }
}
