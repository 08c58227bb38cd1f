using ChildStory.Features.Rules.Replay;

namespace ChildStory.Tests.Rules;

/// <summary>
/// The seed cases replayed through the rules: every missed opportunity a scenario names must be raised by the right
/// rule on the day the information arrived (within the scenario's window), citing its evidence — and no alert may cite
/// evidence the partnership did not yet have when it was raised.
/// </summary>
public sealed class ReplayTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder(), "*.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_missed_opportunity_is_raised_by_its_rule_when_it_happened(string file)
    {
        var scenario = ScenarioFile.Read(await File.ReadAllTextAsync(Path.Combine(Folder(), file)));
        Assert.NotEmpty(scenario.Expected ?? []);
        var alerts = await ReplayScenario.RunInFreshDatabaseAsync(scenario);

        var missing = (scenario.Expected ?? []).Where(x => !alerts.Any(a => a.RuleId == x.Rule && a.Child == x.Child
                && DateOnly.FromDateTime(a.RaisedAt.UtcDateTime) >= x.NotBefore && DateOnly.FromDateTime(a.RaisedAt.UtcDateTime) <= x.NotAfter
                && (x.Evidence ?? []).All(a.Evidence.Contains)))
            .Select(x => $"{x.Rule} for {x.Child} between {x.NotBefore} and {x.NotAfter} ({x.Finding})").ToList();
        Assert.True(missing.Count == 0, $"{scenario.Name}: not raised in time:\n" + string.Join("\n", missing));

        var received = scenario.Events.ToDictionary(e => e.Key, e => e.ReceivedAt ?? e.At);
        var premature = alerts.Where(a => a.Evidence.Any(k => received.TryGetValue(k, out var at) && at > a.RaisedAt)).ToList();
        Assert.Empty(premature);
    }

    [Fact]
    public void James_is_told_from_at_least_forty_dated_events_between_2017_and_February_2021()
    {
        var james = ScenarioFile.Read(File.ReadAllText(Path.Combine(Folder(), "james.json")));
        Assert.True(james.Events.Count(e => e.At.Year >= 2017 && e.At < new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero)) >= 40);
    }

    [Fact]
    public void A_scenario_with_a_key_that_does_not_resolve_is_refused_naming_it()
    {
        var bad = """
            { "name": "Bad", "start": "2020-01-01", "end": "2020-01-02", "agencies": [], "people": [],
              "events": [ { "key": "e1", "child": "nobody", "agency": "none", "type": "HomeVisit", "at": "2020-01-01T10:00:00Z", "summary": "x", "significant": false } ] }
            """;
        var error = Assert.Throws<FormatException>(() => ScenarioFile.Read(bad));
        Assert.Contains("event e1: no such key 'nobody'", error.Message);
        Assert.Contains("event e1: no such key 'none'", error.Message);
    }

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChildStory.slnx")))
            {
                return Path.Combine(dir.FullName, "scenarios");
            }
        }
        throw new InvalidOperationException("The repository's scenarios folder was not found above " + AppContext.BaseDirectory);
    }
}
