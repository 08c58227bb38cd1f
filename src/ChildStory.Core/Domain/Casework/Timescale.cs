using ChildStory.Common;

namespace ChildStory.Domain.Casework;

/// <summary>The statutory and local clocks a child's case runs on (each rule is configurable per partnership).</summary>
public enum TimescaleKind
{
    ChildAndFamilyAssessment,
    InitialChildProtectionConference,
    FirstCoreGroup,
    FirstReviewConference,
    ReviewConference,
    ChildInNeedReview,
    FirstLookedAfterReview,
    SecondLookedAfterReview,
    LookedAfterReview,
    ReturnHomeInterview,
    TransitionPlan,
    NrmReasonableGrounds,
}

public enum TimescaleStatus
{
    Open,
    Completed,

    /// <summary>No longer needed (the plan ended, the child moved away), with the reason.</summary>
    Stopped,
}

/// <summary>
/// One run of a statutory clock for a child: what started it and when, when it is due and how that was worked out on
/// the partnership's working-day calendar, when it was met — and, when late, the reason, which is required.
/// </summary>
public sealed class Timescale
{
    private Timescale() { }

    public Timescale(Guid id, Guid childId, TimescaleKind kind, DateTimeOffset startedAt, string startedBy, DateTimeOffset dueAt, string dueExplanation,
        Guid? teamId, Guid? sourceMeetingId, Guid? sourceEventId, Guid? sourceContactId)
    {
        Id = id;
        ChildId = childId;
        Kind = kind;
        StartedAt = startedAt;
        StartedBy = startedBy;
        DueAt = dueAt;
        DueExplanation = dueExplanation;
        TeamId = teamId;
        SourceMeetingId = sourceMeetingId;
        SourceEventId = sourceEventId;
        SourceContactId = sourceContactId;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public TimescaleKind Kind { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public string DueExplanation { get; private set; } = "";

    /// <summary>The team answerable for it, when known (otherwise the teams working with the child see it).</summary>
    public Guid? TeamId { get; private set; }
    public Guid? SourceMeetingId { get; private set; }
    public Guid? SourceEventId { get; private set; }
    public Guid? SourceContactId { get; private set; }
    public TimescaleStatus Status { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public Guid? CompletedByMeetingId { get; private set; }
    public Guid? CompletedByEventId { get; private set; }
    public string? LateReason { get; private set; }
    public string? StopReason { get; private set; }

    /// <summary>When the team's managers were told it had gone overdue (once).</summary>
    public DateTimeOffset? OverdueAlertedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => Status == TimescaleStatus.Open && now > DueAt;

    public bool WasLate => CompletedAt is { } at && at > DueAt;

    /// <summary>Met; a completion after the due time needs the reason, which the caller has checked is given.</summary>
    public Result<bool> Complete(DateTimeOffset at, string by, string? lateReason, Guid? meetingId = null, Guid? eventId = null)
    {
        if (Status != TimescaleStatus.Open)
        {
            return Error.Conflict($"This timescale is already {Status.ToString().ToLowerInvariant()}");
        }
        if (at > DueAt && string.IsNullOrWhiteSpace(lateReason))
        {
            return Error.Invalid("LateReason", $"{Describe(Kind)} was due {DueAt:d MMM yyyy}: say why it was late");
        }
        Status = TimescaleStatus.Completed;
        CompletedAt = at;
        CompletedBy = by;
        LateReason = at > DueAt ? lateReason!.Trim() : null;
        CompletedByMeetingId = meetingId;
        CompletedByEventId = eventId;
        Version++;
        return true;
    }

    /// <summary>Adds the late reason afterwards, for a clock met late by an agency's system (an interview sent through intake).</summary>
    public Result<bool> ExplainLateness(string reason)
    {
        if (!WasLate)
        {
            return Error.Conflict("This timescale was not late");
        }
        LateReason = reason.Trim();
        Version++;
        return true;
    }

    /// <summary>Met by an event an agency sent, which cannot carry a reason: a late one waits for someone to give it.</summary>
    public void CompleteFromEvent(DateTimeOffset at, string by, Guid eventId)
    {
        Status = TimescaleStatus.Completed;
        CompletedAt = at;
        CompletedBy = by;
        CompletedByEventId = eventId;
        Version++;
    }

    public Result<bool> Stop(string reason)
    {
        if (Status != TimescaleStatus.Open)
        {
            return Error.Conflict($"This timescale is already {Status.ToString().ToLowerInvariant()}");
        }
        Status = TimescaleStatus.Stopped;
        StopReason = reason;
        Version++;
        return true;
    }

    public void MarkOverdueAlerted(DateTimeOffset at) => OverdueAlertedAt = at;

    public static string Describe(TimescaleKind kind) => kind switch
    {
        TimescaleKind.ChildAndFamilyAssessment => "Child and family assessment",
        TimescaleKind.InitialChildProtectionConference => "Initial child protection conference",
        TimescaleKind.FirstCoreGroup => "First core group",
        TimescaleKind.FirstReviewConference => "First review conference",
        TimescaleKind.ReviewConference => "Review conference",
        TimescaleKind.ChildInNeedReview => "Child in need review",
        TimescaleKind.FirstLookedAfterReview => "First looked-after review",
        TimescaleKind.SecondLookedAfterReview => "Second looked-after review",
        TimescaleKind.LookedAfterReview => "Looked-after review",
        TimescaleKind.ReturnHomeInterview => "Return home interview",
        TimescaleKind.NrmReasonableGrounds => "NRM reasonable-grounds decision",
        _ => "Transition plan to adult services",
    };
}
