using ChildStory.Common;

namespace ChildStory.Domain.Casework;

public enum PlanKind
{
    ChildInNeed,
    ChildProtection,
    TeamAroundTheChild,
    Safety,

    /// <summary>From 16, towards adult services (social care, health, police), with the lead professional named (Child Three).</summary>
    Transition,
}

public enum ProtectionCategory
{
    Neglect,
    PhysicalAbuse,
    EmotionalAbuse,
    SexualAbuse,
    MultipleCategories,
}

[Flags]
public enum AdultServices
{
    None = 0,
    AdultSocialCare = 1,
    AdultMentalHealth = 2,
    AdultHealth = 4,
    PoliceOrProbation = 8,
    Housing = 16,
    EducationOrTraining = 32,
}

public enum OutcomeProgress
{
    NotStarted,
    SomeProgress,
    GoodProgress,
    Achieved,
    NotAchieved,
}

/// <summary>
/// A plan for a child — child in need, child protection, team around the child, safety or transition — with its
/// outcomes, the actions that serve them (owners, due dates, progress), its reviews and its next review date. Every
/// plan and review records the child's own words, how and by whom they were gathered, and the family's views; a
/// plan without them is flagged. Each change is kept as a revision, so the plan's history can be read back.
/// </summary>
public sealed class Plan
{
    private Plan() { }

    public Plan(Guid id, Guid childId, PlanKind kind, DateOnly startedOn, DateOnly nextReviewOn, Guid leadPractitionerId, string leadName,
        Guid agencyId, ChildVoice voice, FamilyViews family, ProtectionCategory? category, AdultServices adultServices)
    {
        Id = id;
        ChildId = childId;
        Kind = kind;
        StartedOn = startedOn;
        NextReviewOn = nextReviewOn;
        LeadPractitionerId = leadPractitionerId;
        LeadName = leadName;
        AgencyId = agencyId;
        ChildVoice = voice;
        Family = family;
        Category = category;
        AdultServices = adultServices;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public PlanKind Kind { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly NextReviewOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>Who leads the plan (for a transition plan, the lead professional towards adult services).</summary>
    public Guid LeadPractitionerId { get; private set; }
    public string LeadName { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public ChildVoice ChildVoice { get; private set; } = ChildVoice.None;
    public FamilyViews Family { get; private set; } = FamilyViews.None;
    public ProtectionCategory? Category { get; private set; }
    public AdultServices AdultServices { get; private set; }
    public List<PlanOutcome> Outcomes { get; private set; } = [];
    public List<PlanReview> Reviews { get; private set; } = [];
    public int Version { get; private set; }

    public bool IsActive => EndedOn is null;

    /// <summary>The latest views on record: the last review's when it has them, else the plan's own.</summary>
    public bool VoiceMissing => !(Reviews.OrderByDescending(r => r.ReviewedOn).Select(r => r.ChildVoice).FirstOrDefault() ?? ChildVoice).IsRecorded;

    public bool FamilyViewsMissing => !(Reviews.OrderByDescending(r => r.ReviewedOn).Select(r => r.Family).FirstOrDefault() ?? Family).IsRecorded;

    public void Touch() => Version++;

    public Result<bool> Review(PlanReview review)
    {
        if (!IsActive)
        {
            return Error.Conflict("This plan has ended; it cannot be reviewed");
        }
        Reviews.Add(review);
        NextReviewOn = review.NextReviewOn ?? NextReviewOn;
        Version++;
        return true;
    }

    public Result<bool> End(DateOnly on, string reason)
    {
        if (!IsActive)
        {
            return Error.Conflict("This plan has already ended");
        }
        if (on < StartedOn)
        {
            return Error.Invalid("EndedOn", "A plan cannot end before it started");
        }
        EndedOn = on;
        EndReason = reason;
        Version++;
        return true;
    }

    public static string Describe(PlanKind kind) => kind switch
    {
        PlanKind.ChildInNeed => "Child in need plan",
        PlanKind.ChildProtection => "Child protection plan",
        PlanKind.TeamAroundTheChild => "Team around the child plan",
        PlanKind.Safety => "Safety plan",
        _ => "Transition plan to adult services",
    };
}

/// <summary>What the plan is for: an outcome for the child, and how far it has come.</summary>
public sealed class PlanOutcome
{
    private PlanOutcome() { }

    public PlanOutcome(Guid id, Guid planId, int number, string text)
    {
        Id = id;
        PlanId = planId;
        Number = number;
        Text = text;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; } = "";
    public OutcomeProgress Progress { get; private set; }
    public string? ProgressNote { get; private set; }

    public void RecordProgress(OutcomeProgress progress, string? note)
    {
        Progress = progress;
        ProgressNote = note;
    }
}

/// <summary>A review of a plan: what has changed, the child's words and the family's views, and when it is next reviewed.</summary>
public sealed class PlanReview
{
    private PlanReview() { }

    public PlanReview(Guid id, Guid planId, DateOnly reviewedOn, Guid? meetingId, string progress, ChildVoice voice, FamilyViews family,
        DateOnly? nextReviewOn, string reviewedBy)
    {
        Id = id;
        PlanId = planId;
        ReviewedOn = reviewedOn;
        MeetingId = meetingId;
        ProgressSummary = progress;
        ChildVoice = voice;
        Family = family;
        NextReviewOn = nextReviewOn;
        ReviewedBy = reviewedBy;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public DateOnly ReviewedOn { get; private set; }
    public Guid? MeetingId { get; private set; }
    public string ProgressSummary { get; private set; } = "";
    public ChildVoice ChildVoice { get; private set; } = ChildVoice.None;
    public FamilyViews Family { get; private set; } = FamilyViews.None;
    public DateOnly? NextReviewOn { get; private set; }
    public string ReviewedBy { get; private set; } = "";
}

/// <summary>One change to a plan, kept for its history: what changed, who changed it, and the plan as it then stood.</summary>
public sealed class PlanRevision
{
    private PlanRevision() { }

    public PlanRevision(Guid id, Guid planId, int number, DateTimeOffset at, string by, string change, string snapshot)
    {
        Id = id;
        PlanId = planId;
        Number = number;
        At = at;
        By = by;
        Change = change;
        Snapshot = snapshot;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; } = "";
    public string Change { get; private set; } = "";

    /// <summary>The plan after the change, as JSON (outcomes, actions, review date, views).</summary>
    public string Snapshot { get; private set; } = "";
}
