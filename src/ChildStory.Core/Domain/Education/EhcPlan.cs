using ChildStory.Common;

namespace ChildStory.Domain.Education;

public enum AssessmentDecision
{
    Agreed,
    Refused,
}

/// <summary>
/// An education, health and care needs assessment and the plan it leads to, as one record: the request, the decision
/// to assess, the plan issued (20 weeks from the request, SEND Code of Practice 9.40), the setting it names, and each
/// annual review. James's plan (November 2017) named a special school that was never found and was "not reviewed
/// until March 2021".
/// </summary>
public sealed class EhcPlan : Stamped, IChildData
{
    private EhcPlan() { }

    public EhcPlan(Guid id, Guid childId, DateOnly requestedOn, string requestedBy)
    {
        Id = id;
        ChildId = childId;
        RequestedOn = requestedOn;
        RequestedBy = requestedBy;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public DateOnly RequestedOn { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public AssessmentDecision? Decision { get; private set; }
    public DateOnly? DecidedOn { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public string? NamedSetting { get; private set; }
    public DateOnly? LastReviewOn { get; private set; }
    public DateOnly? CeasedOn { get; private set; }
    public Guid? InvolvementId { get; private set; }
    public int Version { get; private set; }

    /// <summary>A plan in force: issued and not ceased.</summary>
    public bool InForceOn(DateOnly day) => IssuedOn <= day && (CeasedOn is null || CeasedOn >= day);

    /// <summary>The next annual review is due a year after the last (or after the plan was issued).</summary>
    public DateOnly? NextReviewDue => (LastReviewOn ?? IssuedOn)?.AddMonths(12);

    public void GrantedBy(Guid involvementId) => InvolvementId = involvementId;

    public Result<bool> Decide(AssessmentDecision decision, DateOnly on)
    {
        if (Decision is not null)
        {
            return Error.Conflict("The decision whether to assess has already been recorded.");
        }
        if (on < RequestedOn)
        {
            return Error.Invalid("DecidedOn", "The decision must be on or after the request");
        }
        Decision = decision;
        DecidedOn = on;
        Version++;
        return true;
    }

    public Result<bool> Issue(DateOnly on, string namedSetting)
    {
        if (IssuedOn is not null)
        {
            return Error.Conflict("The plan has already been issued; record an amendment as a review.");
        }
        if (Decision == AssessmentDecision.Refused)
        {
            return Error.Conflict("The local authority refused to assess: there is no plan to issue.");
        }
        if (on < RequestedOn)
        {
            return Error.Invalid("IssuedOn", "The plan must be issued on or after the request");
        }
        Decision ??= AssessmentDecision.Agreed;
        DecidedOn ??= on;
        IssuedOn = on;
        NamedSetting = namedSetting;
        Version++;
        return true;
    }

    public Result<bool> Review(DateOnly on, string? namedSetting)
    {
        if (IssuedOn is null || on < IssuedOn)
        {
            return Error.Invalid("ReviewedOn", "An annual review is of an issued plan, on or after the date it was issued");
        }
        LastReviewOn = on > LastReviewOn || LastReviewOn is null ? on : LastReviewOn;
        NamedSetting = string.IsNullOrWhiteSpace(namedSetting) ? NamedSetting : namedSetting;
        Version++;
        return true;
    }

    public Result<bool> Cease(DateOnly on)
    {
        if (CeasedOn is not null)
        {
            return Error.Conflict("The plan has already ceased.");
        }
        CeasedOn = on;
        Version++;
        return true;
    }
}
