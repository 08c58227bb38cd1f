using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 9: repeated missed health appointments are a neglect indicator ("was not brought", not "did not attend").</summary>
public sealed class WasNotBrought(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "was-not-brought";

    public override string Title => "Repeatedly not brought to health appointments";

    public override string Source => "Newsletter: missed appointments recorded as \"did not attend\" rather than as a child not brought — a neglect indicator";

    public override string Guidance => "Treat as a possible neglect indicator: the GP or health visitor contacts the family and tells the lead professional.";

    protected override void Declare()
    {
        Int("WindowDays", 365);
        Int("Minimum", 3);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var missed = child.Within(TimeSpan.FromDays(Int("WindowDays", 365))).Where(e => e.Type == EventType.GpAppointmentWasNotBrought).ToList();
        if (missed.Count < Int("Minimum", 3))
        {
            yield break;
        }
        yield return new Finding(Key(missed[^1].Id), $"Not brought to {missed.Count} health appointments in {Int("WindowDays", 365)} days.", missed.Select(Evidence.Of).ToList());
    }
}
