using ChildStory.Domain.Exploitation;

namespace ChildStory.Features.Rules.Library;

/// <summary>
/// A child found at risk of exploitation — a screening or MACE discussion at medium or above, or a positive NRM
/// reasonable-grounds decision — whose peers and places nobody has mapped within the set time.
/// </summary>
public sealed class PeersNotMapped(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "peers-not-mapped";

    public override string Title => "At risk of exploitation, and no one has mapped the child's peers and places";

    public override string Source => "Child B: no mapping of a child and his peers, especially across borders; James: nobody assessed his peer group, where he spent his time or how he got his drugs";

    public override string Guidance => "Map the child's peers, the places they spend time and the adults around them (Peers and places), with the police, school and youth workers — "
        + "including children from neighbouring authorities. The focus is on where harm comes from, not on the child.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("WorkingDays", 10);
        Int("MappedWithinDaysBefore", 90);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("WorkingDays", 10);
        var before = Int("MappedWithinDaysBefore", 90);
        var triggers = child.Screenings.Where(s => s.Level >= RiskLevel.Medium).Select(s => (s.Id, At: s.At, What: $"Exploitation screening: {s.Level.ToString().ToLowerInvariant()} risk", Kind: "Screening"))
            .Concat(child.MaceOutcomes.Where(m => m.Level >= RiskLevel.Medium).Select(m => (m.Id, At: m.DiscussedAt, What: $"MACE discussion: {m.Level.ToString().ToLowerInvariant()} risk", Kind: "Mace")))
            .Concat(child.Nrm.Where(n => n.PositiveReasonableGroundsAt is not null).Select(n => (n.Id, At: n.PositiveReasonableGroundsAt!.Value, What: "NRM reasonable-grounds decision: positive", Kind: "Nrm")))
            .OrderBy(t => t.At).ToList();
        // One finding for the first trigger not yet answered by a map; a later trigger after a map starts again.
        foreach (var trigger in triggers)
        {
            if (child.Associations.Any(a => a.RecordedAt >= trigger.At.AddDays(-before)))
            {
                continue;
            }
            var due = child.Calendar.Due(trigger.At, Calendar.DeadlineRule.WorkingDays(days)).Due;
            if (child.Now <= due)
            {
                yield break;
            }
            yield return new Finding(Key(trigger.Id), $"{trigger.What} on {trigger.At:d MMM yyyy}; no peers or places mapped within {days} working days.",
                [new Evidence(trigger.Kind, trigger.Id, trigger.What, trigger.At)]);
            yield break;
        }
    }
}
