using ChildStory.Features.Rules.Library;
using ChildStory.Features.Rules.Replay;

namespace ChildStory.Tests.Escalation;

/// <summary>
/// Child B's four escalation opportunities, replayed: the "escalation-offered" rule raises each one with its own finding
/// (the scenario's expectations check the day and evidence; this checks they are the four different things the review named).
/// </summary>
public sealed class EscalationReplayTests
{
    [Fact]
    public async Task Child_B_is_offered_escalation_for_the_police_report_the_strategy_discussion_the_mentor_and_the_transport()
    {
        var scenario = ScenarioFile.Read(await File.ReadAllTextAsync(Path.Combine(Folder(), "child-b.json")));
        var alerts = (await ReplayScenario.RunInFreshDatabaseAsync(scenario)).Where(a => a.RuleId == EscalationOffered.RuleId).ToList();

        Assert.Contains(alerts, a => a.Evidence.Contains("b16") && a.Summary.Contains("no police report reached children's services"));
        Assert.Contains(alerts, a => a.Evidence.Contains("b16") && a.Summary.Contains("No strategy discussion was held"));
        Assert.Contains(alerts, a => a.Evidence.Contains("a-mentor") && a.Summary.Contains("specialist mentor"));
        Assert.Contains(alerts, a => a.Evidence.Contains("a-transport") && a.Summary.Contains("school transport"));
        // Done on 3 June 2024, the transport action is offered once and never again.
        Assert.Single(alerts, a => a.Evidence.Contains("a-transport"));
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
