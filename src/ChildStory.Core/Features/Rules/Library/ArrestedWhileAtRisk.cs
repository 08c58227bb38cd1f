using ChildStory.Domain.Rules;
using ChildStory.Features.Exploitation;

namespace ChildStory.Features.Rules.Library;

/// <summary>
/// Rule 16: a child arrested (or arrested for supply) while flagged at risk of exploitation (<see cref="AtRisk"/>): a
/// screening or MACE discussion at medium or above in the last months, a positive NRM reasonable-grounds decision, or —
/// unless a partnership sets <c>ChronologyIndicators</c> to 0 — exploitation indicators gathering in the chronology
/// before the arrest. Child B: "Recognising a child as a victim when they are committing crime while being exploited";
/// the police response under arrest was "evidence based and forensic" and not trauma informed. One alert per arrest.
/// </summary>
public sealed class ArrestedWhileAtRisk(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "arrested-while-at-risk";

    public override string Title => "A child arrested while flagged at risk of exploitation";

    public override string Source => "Child B: \"Recognising a child as a victim when they are committing crime while being exploited\"; the police response under arrest was evidence based and forensic, not trauma informed; James: the police dealt with each incident on an individual basis";

    public override string Guidance => "Treat the child as a possible victim of exploitation, not only a suspect: police and youth justice should consider an NRM referral, "
        + "the section 45 Modern Slavery Act 2015 defence, a trauma-informed custody response with an appropriate adult, and a multi-agency strategy discussion.";

    public override AlertAudience Audience => AlertAudience.Team;

    protected override void Declare()
    {
        Int("FlagMonths", AtRisk.DefaultMonths);
        Int("ChronologyIndicators", 2);
        Int("ArrestWithinDays", 30);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var months = Int("FlagMonths", AtRisk.DefaultMonths);
        var chronology = Int("ChronologyIndicators", 2);
        // An arrest long past is no longer a moment to act on (custody, charging decisions): old arrests do not alert.
        var recent = TimeSpan.FromDays(Int("ArrestWithinDays", 30));
        foreach (var arrest in child.Within(recent).Where(e => AtRisk.IsArrest(e.Type, e.Concerns)))
        {
            var flags = AtRisk.Flags(arrest.OccurredAt, child.Screenings, child.MaceOutcomes, child.Nrm, months);
            var evidence = new List<Evidence> { Evidence.Of(arrest) };
            evidence.AddRange(flags.Select(AtRisk.Evidence));
            var reasons = flags.Select(f => f.Label).ToList();
            if (chronology > 0)
            {
                var from = arrest.OccurredAt.AddMonths(-months);
                var indicators = child.Events.Where(e => e.Id != arrest.Id && e.OccurredAt >= from && e.OccurredAt <= arrest.OccurredAt
                    && (e.Type == Domain.Chronology.EventType.MissingEpisode || e.Has(AtRisk.Indicators))).ToList();
                if (indicators.Count >= chronology)
                {
                    reasons.Add($"{indicators.Count} exploitation indicators in the chronology in the {months} months before");
                    evidence.AddRange(indicators.TakeLast(6).Select(Evidence.Of));
                }
            }
            if (reasons.Count == 0)
            {
                continue;
            }
            yield return new Finding(Key(arrest.Id),
                $"Arrested on {arrest.OccurredAt:d MMM yyyy} while at risk of exploitation ({string.Join("; ", reasons)}). Treat as a possible victim of exploitation.",
                evidence);
        }
    }
}
