using ChildStory.Domain.Chronology;
using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>The domains of concern the complex-needs rule reads, and what puts an event in each.</summary>
public enum ConcernDomain
{
    Exploitation,
    MentalHealth,
    SubstanceMisuse,
    MissingEducation,
    GoingMissing,
    Offending,
    Trauma,
    DomesticAbuse,
}

/// <summary>Rule 1: concerns in several domains at once put a child on the complex-needs register and offer the fast track.</summary>
public sealed class ComplexNeeds(RuleSettings settings) : RuleBase(settings)
{
    public const string RuleId = "complex-needs";

    public override string Id => RuleId;

    public override string Title => "Complex needs and high risk: concerns in several domains at once";

    public override string Source => "James, Recommendation 2: \"systems and processes to identify those young people with highly complex needs and at the greatest risk so that service responses can be flexible and if necessary, fast tracked\"";

    public override string Guidance => "Consider the complex-needs register and the fast-track route: a multi-agency discussion, one lead professional, referrals fast-tracked while the child is willing.";

    public override AlertAudience Audience => AlertAudience.Team;

    protected override void Declare()
    {
        Int("WindowDays", 365);
        Int("MinimumDomains", 3);
    }

    public static IEnumerable<ConcernDomain> DomainsOf(FactEvent e)
    {
        if (e.Has(Concern.Exploitation | Concern.OlderAssociates | Concern.UnexplainedMoneyOrPhones | Concern.DrugDebt | Concern.Weapon | Concern.ArrestForSupply
            | Concern.UnknownPlaces | Concern.SexualExploitation))
        {
            yield return ConcernDomain.Exploitation;
        }
        if (e.Type is EventType.OverdoseOrSelfHarm or EventType.CamhsAssessment or EventType.CamhsContact || e.Has(Concern.MentalHealth | Concern.SelfHarm))
        {
            yield return ConcernDomain.MentalHealth;
        }
        if (e.Type == EventType.DrugAndAlcoholServiceContact || e.Has(Concern.SubstanceMisuse))
        {
            yield return ConcernDomain.SubstanceMisuse;
        }
        if (e.Type is EventType.PermanentExclusion or EventType.Suspension or EventType.AlternativeProvisionStart || e.Has(Concern.MissingEducation))
        {
            yield return ConcernDomain.MissingEducation;
        }
        if (e.Type == EventType.MissingEpisode)
        {
            yield return ConcernDomain.GoingMissing;
        }
        if (e.Type is EventType.Arrest or EventType.StopAndSearch || e.Has(Concern.Offending))
        {
            yield return ConcernDomain.Offending;
        }
        if (e.Has(Concern.Trauma))
        {
            yield return ConcernDomain.Trauma;
        }
        if (e.Facts.DomesticAbuse == true || e.Has(Concern.DomesticAbuse))
        {
            yield return ConcernDomain.DomesticAbuse;
        }
    }

    /// <summary>The domains with evidence in the window, each with its latest event.</summary>
    public IReadOnlyDictionary<ConcernDomain, FactEvent> Domains(ChildFacts child)
    {
        var window = TimeSpan.FromDays(Int("WindowDays", 365));
        return child.Within(window).SelectMany(e => DomainsOf(e).Select(d => (d, e)))
            .GroupBy(x => x.d).ToDictionary(g => g.Key, g => g.OrderBy(x => x.e.OccurredAt).Last().e);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var minimum = Int("MinimumDomains", 3);
        var domains = Domains(child);
        if (domains.Count < minimum)
        {
            yield break;
        }
        var names = domains.Keys.Order().ToList();
        yield return new Finding(Key(string.Join("+", names)),
            $"Concerns in {domains.Count} domains within {Int("WindowDays", 365)} days: {string.Join(", ", names.Select(Describe))}.",
            domains.OrderBy(d => d.Key).Select(d => Evidence.Of(d.Value)).DistinctBy(e => e.Id).ToList());
    }

    public static string Describe(ConcernDomain domain) => domain switch
    {
        ConcernDomain.MentalHealth => "mental health or self-harm",
        ConcernDomain.SubstanceMisuse => "substance misuse",
        ConcernDomain.MissingEducation => "missing education",
        ConcernDomain.GoingMissing => "going missing",
        ConcernDomain.Offending => "offending or police involvement",
        ConcernDomain.Trauma => "trauma",
        ConcernDomain.DomesticAbuse => "domestic abuse at home",
        _ => "exploitation",
    };
}
