namespace ChildStory.Features.Rules.Library;

/// <summary>
/// Rule 13j: a child who moved school (a new roll after another school's) with no transfer packet acknowledged by the
/// receiving school within the set working days of the start (the transfer mechanism of Sharing, issue "follow-through").
/// </summary>
public sealed class TransferNoHandover(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "transfer-no-handover";

    public override string Title => "A school transfer with no handover packet acknowledged by the receiving school";

    public override string Source => "Child B: \"Soft intelligence and concerns are lost on transfer between school placements\"";

    public override string Guidance => "The previous school (or the local authority) sends the transfer packet — open concerns, plans, key contacts and soft intelligence — and the receiving school acknowledges it.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("WorkingDays", 5);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("WorkingDays", 5);
        var rolls = child.Education.Enrolments;
        for (var i = 1; i < rolls.Count; i++)
        {
            var joined = rolls[i];
            var previous = rolls.Take(i).LastOrDefault(r => r.SchoolId != joined.SchoolId);
            if (previous is null || joined.StartedOn > child.Today)
            {
                continue;
            }
            var due = child.Calendar.Due(EducationEvidence.At(joined.StartedOn), Calendar.DeadlineRule.WorkingDays(days)).Due;
            var acknowledged = child.Education.Transfers.Any(t => t.ReceiverId == joined.SchoolId && t.AcknowledgedAt is { } at && at <= due
                && t.SentAt >= EducationEvidence.At(joined.StartedOn).AddDays(-90));
            if (child.Now > due && !acknowledged)
            {
                yield return new Finding(Key(joined.Id, "handover"),
                    $"Moved from {previous.School} to {joined.School} on {joined.StartedOn:d MMM yyyy}; no transfer packet acknowledged by {joined.School} within {days} working days.",
                    [EducationEvidence.Enrolment(previous), EducationEvidence.Enrolment(joined)]);
            }
        }
    }
}

/// <summary>Rule 13k: school transport not in place the set working days after a school place starts.</summary>
public sealed class TransportNotInPlace(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "transport-not-in-place";

    public override string Title => "School transport not in place after a school place starts";

    public override string Source => "Child B: \"Providing transport became a significant delay in beginning school – facilitating children back into school should be a priority for all professionals when there is a risk of exploitation\"";

    public override string Guidance => "Escalate to the local authority's transport team today; agree interim travel so the child can start, and record it.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Managers;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("WorkingDays", 3);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("WorkingDays", 3);
        foreach (var t in child.Education.Transport)
        {
            var due = child.Calendar.Due(EducationEvidence.At(t.PlaceStartsOn), Calendar.DeadlineRule.WorkingDays(days)).Due;
            if (child.Now > due && (t.TransportStartedOn is null || t.TransportStartedOn > child.Today))
            {
                yield return new Finding(Key(t.Id, "transport"), $"The school place started on {t.PlaceStartsOn:d MMM yyyy}; transport not in place {days} working days later.",
                    [new Evidence("Transport", t.Id, "School transport arrangement", EducationEvidence.At(t.PlaceStartsOn))]);
            }
        }
    }
}
