using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 6: a domestic incident with a child present and no Vulnerable Child notification shared with social care within 24 hours.</summary>
public sealed class VcnNotShared(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "vcn-not-shared";

    public override string Title => "Domestic incident with a child present, not shared with children's social care within 24 hours";

    public override string Source => "Child One (newsletter): a domestic incident with the child present was not notified to children's social care";

    public override string Guidance => "Ask the police to send the Vulnerable Child notification now, and the front door to decide it.";

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("Hours", 24);
        Int("LookBackDays", 30);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var hours = Int("Hours", 24);
        // Incidents older than the look-back are history to review, not a notification to chase now.
        var since = child.Now.AddDays(-Int("LookBackDays", 30));
        foreach (var incident in child.Events.Where(e => e.Type == EventType.PoliceIncident && e.Facts.ChildPresent == true && e.OccurredAt >= since
            && (e.Facts.DomesticAbuse == true || e.Has(Concern.DomesticAbuse))))
        {
            var by = incident.OccurredAt.AddHours(hours);
            if (child.Now <= by)
            {
                continue;
            }
            var shared = child.Events.Any(e => e.OccurredAt >= incident.OccurredAt && e.OccurredAt <= by
                && ((e.Type == EventType.InformationShared && e.AgencyKind == AgencyKind.Police) || e.Type == EventType.FrontDoorContact));
            if (!shared)
            {
                yield return new Finding(Key(incident.Id), $"Domestic incident on {incident.OccurredAt:d MMM yyyy HH:mm} with the child present; nothing shared with children's social care within {hours} hours.",
                    [Evidence.Of(incident)]);
            }
        }
    }
}
