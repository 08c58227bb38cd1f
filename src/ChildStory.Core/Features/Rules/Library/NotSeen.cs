using ChildStory.Domain.Rules;
using ChildStory.Features.Visits;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 8a: a child on a plan not seen by any practitioner within the partnership's threshold.</summary>
public sealed class NotSeen(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "not-seen";

    public override string Title => "A child on a plan not seen within the threshold";

    public override string Source => "Child Three (newsletter): a child with complex needs \"off the radar\"; Working Together: children on plans are seen, and seen alone";

    public override string Guidance => "Arrange to see the child, alone if possible, and record the visit.";

    public override AlertAudience Audience => AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("Days", 28);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        if (!child.OnPlan)
        {
            yield break;
        }
        var days = Int("Days", 28);
        var seen = child.Events.Where(e => e.Facts.ChildSeen == true || (LastSeen.SeenByNature.Contains(e.Type) && e.Facts.ChildSeen != false)).LastOrDefault();
        var planSince = child.Plans.Where(p => p.ActiveOn(child.Today)).Min(p => p.StartedOn);
        var since = seen?.OccurredAt ?? new DateTimeOffset(planSince.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (child.Now - since <= TimeSpan.FromDays(days))
        {
            yield break;
        }
        yield return new Finding(Key(seen?.Id.ToString() ?? "never"),
            seen is null ? $"No one has recorded seeing the child since the plan began on {planSince:d MMM yyyy}." : $"Not seen by anyone since {seen.OccurredAt:d MMM yyyy} ({seen.Author}).",
            seen is null ? [] : [Evidence.Of(seen)]);
    }
}
