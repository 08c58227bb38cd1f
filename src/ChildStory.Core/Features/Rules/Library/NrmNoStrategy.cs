namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 10: a positive NRM reasonable-grounds decision with no strategy discussion arranged within the set time.</summary>
public sealed class NrmNoStrategy(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "nrm-no-strategy";

    public override string Title => "A positive NRM reasonable-grounds decision with no strategy discussion";

    public override string Source => "James: the NRM found reasonable grounds that he was a victim of modern slavery and no strategy discussion followed";

    public override string Guidance => "Hold a multi-agency strategy discussion now: he is a child the Single Competent Authority believes may have been trafficked.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Managers;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("WorkingDays", 2);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("WorkingDays", 2);
        foreach (var nrm in child.Nrm.Where(n => n.PositiveReasonableGroundsAt is not null))
        {
            var decided = nrm.PositiveReasonableGroundsAt!.Value;
            var due = child.Calendar.Due(decided, Calendar.DeadlineRule.WorkingDays(days)).Due;
            if (child.Now <= due || child.StrategyDiscussions.Any(s => s.At >= decided.AddDays(-1)))
            {
                continue;
            }
            yield return new Finding(Key(nrm.Id), $"Positive reasonable-grounds decision on {decided:d MMM yyyy}; no strategy discussion arranged within {days} working days.",
                [new Evidence("Nrm", nrm.Id, "NRM reasonable-grounds decision: positive", decided)]);
        }
    }
}
