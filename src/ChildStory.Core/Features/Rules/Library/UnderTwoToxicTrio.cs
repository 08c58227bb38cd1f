using ChildStory.Domain.Chronology;
using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 7: a child under two in a household with domestic abuse, parental substance misuse and neglect.</summary>
public sealed class UnderTwoToxicTrio(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "under-two-toxic-trio";

    public override string Title => "A child under two with domestic abuse, parental substance misuse and neglect";

    public override string Source => "Newsletter (infant): the three risks were each known to one agency and never put together";

    public override string Guidance => "Urgent multi-agency review today: consider a strategy discussion.";

    public override AlertAudience Audience => AlertAudience.Managers;

    protected override void Declare()
    {
        Int("WindowDays", 365);
        Int("WasNotBroughtForNeglect", 2);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        if (child.AgeInYears(child.Now) is not { } age || age >= 2)
        {
            yield break;
        }
        var window = child.Within(TimeSpan.FromDays(Int("WindowDays", 365))).ToList();
        var abuse = window.LastOrDefault(e => e.Facts.DomesticAbuse == true || e.Has(Concern.DomesticAbuse));
        var substance = window.LastOrDefault(e => e.Has(Concern.ParentalSubstanceMisuse));
        var wnb = window.Where(e => e.Type == EventType.GpAppointmentWasNotBrought).ToList();
        var neglect = window.LastOrDefault(e => e.Has(Concern.Neglect)) ?? (wnb.Count >= Int("WasNotBroughtForNeglect", 2) ? wnb[^1] : null);
        if (abuse is null || substance is null || neglect is null)
        {
            yield break;
        }
        yield return new Finding(Key("trio"), "Domestic abuse, parental substance misuse and neglect are all recorded for a child under two.",
            new[] { abuse, substance, neglect }.Select(Evidence.Of).DistinctBy(e => e.Id).ToList());
    }
}
