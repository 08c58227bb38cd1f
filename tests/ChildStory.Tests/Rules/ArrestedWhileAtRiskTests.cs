using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Calendar;
using ChildStory.Features.Rules;
using ChildStory.Features.Rules.Library;
using Microsoft.Extensions.Configuration;

namespace ChildStory.Tests.Rules;

/// <summary>
/// The <c>arrested-while-at-risk</c> rule at its boundaries, on facts built by hand: which flags count (screening and
/// MACE at medium or above within the months, a positive NRM not overturned, indicators in the chronology), which do
/// not, and one alert per arrest (Child B: "Recognising a child as a victim when they are committing crime while being exploited").
/// </summary>
public sealed class ArrestedWhileAtRiskTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Arrested = new(2026, 3, 5, 18, 0, 0, TimeSpan.Zero);

    private static ArrestedWhileAtRisk Rule(params (string Name, string Value)[] settings) =>
        new(new RuleSettings(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => $"Rules:arrested-while-at-risk:{s.Name}", s => (string?)s.Value)).Build()));

    private static FactEvent Event(EventType type, DateTimeOffset at, Concern concerns = Concern.None) =>
        new(Guid.NewGuid(), type, at, at, Guid.NewGuid(), AgencyKind.Police, "PC Test", type.ToString(), true, new EventFacts(), concerns);

    private static ChildFacts Facts(IEnumerable<FactEvent> events, IEnumerable<FactScreening>? screenings = null, IEnumerable<FactMaceOutcome>? mace = null,
        IEnumerable<FactNrm>? nrm = null) => new()
        {
            ChildId = Guid.NewGuid(),
            Name = "Test Child",
            DateOfBirth = new DateOnly(2010, 1, 1),
            Now = Now,
            Calendar = new WorkingTime(new Dictionary<DateOnly, string>(), new TimeOnly(9, 0), new TimeOnly(17, 0), TimeZoneInfo.Utc),
            Events = events.OrderBy(e => e.OccurredAt).ToList(),
            Involvements = [],
            Relationships = [],
            Plans = [],
            Referrals = [],
            Screenings = (screenings ?? []).OrderBy(s => s.At).ToList(),
            MaceDiscussions = [],
            Nrm = (nrm ?? []).ToList(),
            StrategyDiscussions = [],
            MaceOutcomes = (mace ?? []).OrderBy(m => m.DiscussedAt).ToList(),
        };

    private static FactScreening Screening(RiskLevel level, DateTimeOffset at) => new(Guid.NewGuid(), at, level);

    [Theory]
    [InlineData(RiskLevel.Medium, 364, true)]
    [InlineData(RiskLevel.High, 1, true)]
    [InlineData(RiskLevel.Low, 1, false)]
    [InlineData(RiskLevel.High, 366, false)]
    public void A_screening_flags_at_medium_or_above_within_twelve_months(RiskLevel level, int daysBefore, bool alerts)
    {
        var arrest = Event(EventType.Arrest, Arrested, Concern.Offending);
        var screening = Screening(level, Arrested.AddDays(-daysBefore));
        var findings = Rule().Evaluate(Facts([arrest], [screening])).ToList();
        Assert.Equal(alerts, findings.Count == 1);
        if (alerts)
        {
            Assert.Equal(arrest.Id.ToString(), findings[0].ConditionKey);
            Assert.Equal([arrest.Id, screening.Id], findings[0].Evidence.Select(e => e.Id));
            Assert.Contains($"screening {level.ToString().ToLowerInvariant()}", findings[0].Summary);
        }
    }

    [Fact]
    public void A_later_low_screening_supersedes_a_high_one_and_a_screening_after_the_arrest_does_not_count()
    {
        var arrest = Event(EventType.Arrest, Arrested);
        Assert.Empty(Rule().Evaluate(Facts([arrest], [Screening(RiskLevel.High, Arrested.AddMonths(-3)), Screening(RiskLevel.Low, Arrested.AddMonths(-1))])));
        Assert.Empty(Rule().Evaluate(Facts([arrest], [Screening(RiskLevel.High, Arrested.AddHours(2))])));
    }

    [Fact]
    public void A_mace_discussion_at_medium_flags_and_at_low_does_not()
    {
        var arrest = Event(EventType.Arrest, Arrested);
        Assert.Single(Rule().Evaluate(Facts([arrest], mace: [new FactMaceOutcome(Guid.NewGuid(), Arrested.AddMonths(-2), RiskLevel.Medium)])));
        Assert.Empty(Rule().Evaluate(Facts([arrest], mace: [new FactMaceOutcome(Guid.NewGuid(), Arrested.AddMonths(-2), RiskLevel.Low)])));
    }

    [Fact]
    public void A_positive_nrm_flags_until_a_negative_conclusive_grounds_decision()
    {
        var arrest = Event(EventType.Arrest, Arrested);
        var decided = Arrested.AddYears(-2);
        var finding = Assert.Single(Rule().Evaluate(Facts([arrest], nrm: [new FactNrm(Guid.NewGuid(), decided)])));
        Assert.Contains("positive NRM reasonable-grounds decision", finding.Summary);
        Assert.Single(Rule().Evaluate(Facts([arrest], nrm: [new FactNrm(Guid.NewGuid(), decided, Arrested.AddDays(1))])));
        Assert.Empty(Rule().Evaluate(Facts([arrest], nrm: [new FactNrm(Guid.NewGuid(), decided, Arrested.AddDays(-1))])));
        Assert.Empty(Rule().Evaluate(Facts([arrest], nrm: [new FactNrm(Guid.NewGuid(), null)])));
    }

    [Fact]
    public void Exploitation_indicators_in_the_chronology_flag_from_two_unless_the_partnership_turns_them_off()
    {
        var arrest = Event(EventType.Arrest, Arrested, Concern.Offending | Concern.Exploitation);
        var weapon = Event(EventType.StopAndSearch, Arrested.AddMonths(-4), Concern.Weapon);
        var missing = Event(EventType.MissingEpisode, Arrested.AddMonths(-2));
        var old = Event(EventType.PoliceIncident, Arrested.AddMonths(-13), Concern.DrugDebt);
        Assert.Empty(Rule().Evaluate(Facts([arrest, weapon, old])));
        var finding = Assert.Single(Rule().Evaluate(Facts([arrest, weapon, missing, old])));
        Assert.Contains("2 exploitation indicators", finding.Summary);
        Assert.DoesNotContain(old.Id, finding.Evidence.Select(e => e.Id));
        Assert.Empty(Rule(("ChronologyIndicators", "0")).Evaluate(Facts([arrest, weapon, missing])));
    }

    [Fact]
    public void Each_recent_arrest_alerts_once_an_arrest_for_supply_counts_and_an_old_arrest_does_not()
    {
        var nrm = new FactNrm(Guid.NewGuid(), Arrested.AddMonths(-6));
        var arrest = Event(EventType.Arrest, Arrested);
        var supply = Event(EventType.PoliceIncident, Arrested.AddDays(-10), Concern.ArrestForSupply);
        var incident = Event(EventType.PoliceIncident, Arrested.AddDays(-5), Concern.Offending);
        var old = Event(EventType.Arrest, Now.AddDays(-31));
        var findings = Rule().Evaluate(Facts([arrest, supply, incident, old], nrm: [nrm])).ToList();
        Assert.Equal(new[] { supply.Id, arrest.Id }.Select(id => id.ToString()).Order(), findings.Select(f => f.ConditionKey).Order());
        Assert.Equal(3, Rule(("ArrestWithinDays", "40")).Evaluate(Facts([arrest, supply, incident, old], nrm: [nrm])).Count());
    }

    [Fact]
    public void An_unflagged_child_arrested_raises_nothing()
    {
        Assert.Empty(Rule().Evaluate(Facts([Event(EventType.Arrest, Arrested, Concern.Offending)])));
    }
}
