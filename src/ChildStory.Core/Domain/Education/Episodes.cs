using ChildStory.Common;

namespace ChildStory.Domain.Education;

public enum ExclusionKind
{
    /// <summary>A suspension (fixed-period exclusion).</summary>
    Suspension,
    Permanent,
}

/// <summary>A suspension or permanent exclusion; Child B was permanently excluded "without any referral to EIP" (the Education Inclusion Project).</summary>
public sealed class Exclusion : Stamped, IChildData
{
    private Exclusion() { }

    public Exclusion(Guid id, Guid childId, Guid schoolId, ExclusionKind kind, DateOnly startsOn, int? days, string reason)
    {
        Id = id;
        ChildId = childId;
        SchoolId = schoolId;
        Kind = kind;
        StartsOn = startsOn;
        Days = days;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid SchoolId { get; private set; }
    public ExclusionKind Kind { get; private set; }
    public DateOnly StartsOn { get; private set; }

    /// <summary>School days of a suspension (null for a permanent exclusion).</summary>
    public int? Days { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly? InclusionReferralOn { get; private set; }
    public int Version { get; private set; }

    public Result<bool> ReferToInclusion(DateOnly on)
    {
        if (InclusionReferralOn is not null)
        {
            return Error.Conflict("The referral to the inclusion project has already been recorded.");
        }
        InclusionReferralOn = on;
        Version++;
        return true;
    }
}

/// <summary>
/// Elective home education: from when, why the family chose it, and any safeguarding review of the decision. Child B's
/// parent chose it "to prevent exclusion"; Child Three was home educated and went "off the radar".
/// </summary>
public sealed class ElectiveHomeEducation : Stamped, IChildData
{
    private ElectiveHomeEducation() { }

    public ElectiveHomeEducation(Guid id, Guid childId, DateOnly startedOn, string? reason)
    {
        Id = id;
        ChildId = childId;
        StartedOn = startedOn;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly? SafeguardingReviewOn { get; private set; }
    public string? SafeguardingReviewOutcome { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public Result<bool> RecordSafeguardingReview(DateOnly on, string outcome)
    {
        if (on < StartedOn)
        {
            return Error.Invalid("ReviewedOn", "The review must be on or after home education started");
        }
        SafeguardingReviewOn = on;
        SafeguardingReviewOutcome = outcome;
        Version++;
        return true;
    }

    public Result<bool> End(DateOnly on)
    {
        if (EndedOn is not null || on < StartedOn)
        {
            return Error.Invalid("EndedOn", "Home education has already ended, or the date is before it started");
        }
        EndedOn = on;
        Version++;
        return true;
    }
}

/// <summary>A child missing education: of compulsory school age, not on a roll and not suitably educated otherwise.</summary>
public sealed class MissingEducation : Stamped, IChildData
{
    private MissingEducation() { }

    public MissingEducation(Guid id, Guid childId, DateOnly startedOn, string? note)
    {
        Id = id;
        ChildId = childId;
        StartedOn = startedOn;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public string? Note { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public Result<bool> End(DateOnly on)
    {
        if (EndedOn is not null || on < StartedOn)
        {
            return Error.Invalid("EndedOn", "The episode has already ended, or the date is before it started");
        }
        EndedOn = on;
        Version++;
        return true;
    }
}

/// <summary>
/// Home-to-school transport for a school place: when the place starts and when transport started. Child B's "providing
/// transport became a significant delay in beginning school".
/// </summary>
public sealed class TransportArrangement : Stamped, IChildData
{
    private TransportArrangement() { }

    public TransportArrangement(Guid id, Guid childId, Guid schoolId, DateOnly placeStartsOn, string? note)
    {
        Id = id;
        ChildId = childId;
        SchoolId = schoolId;
        PlaceStartsOn = placeStartsOn;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid SchoolId { get; private set; }
    public DateOnly PlaceStartsOn { get; private set; }
    public DateOnly? TransportStartedOn { get; private set; }
    public string? Note { get; private set; }
    public int Version { get; private set; }

    public Result<bool> Start(DateOnly on)
    {
        if (TransportStartedOn is not null)
        {
            return Error.Conflict("Transport has already started.");
        }
        TransportStartedOn = on;
        Version++;
        return true;
    }
}
