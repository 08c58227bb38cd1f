using System.CommandLine;
using System.Text.Json;
using ChildStory.Features.Rules.Replay;
using Spectre.Console;

namespace ChildStory.Web.Cli;

/// <summary>
/// <c>childstory replay SCENARIO.json [--output alerts.json]</c>: replays a scenario (docs/scenarios.md) through the
/// safeguarding rules in a fresh database of its own, and writes every alert raised, when, by which rule, for which
/// child and on what evidence, in the scenario's own keys. The configured database is not touched.
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("scenario") { Description = "A scenario file (see docs/scenarios.md)" };
        var output = new Option<FileInfo?>("--output") { Description = "Write the alerts here as JSON (default: standard output)" };
        var command = new Command("replay", "Replay a scenario through the safeguarding rules and write the alerts raised") { file, output };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName} does not exist.");
                return 2;
            }
            ScenarioFile scenario;
            try
            {
                scenario = ScenarioFile.Read(await File.ReadAllTextAsync(path.FullName, ct));
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"{path.Name}: {e.Message}");
                return 2;
            }
            var alerts = await RunAsync(scenario, ct);
            var json = JsonSerializer.Serialize(alerts, Json);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllTextAsync(target.FullName, json, ct);
                Console.Error.WriteLine($"{scenario.Name}: {alerts.Count} alerts written to {target.FullName}.");
            }
            else
            {
                Console.WriteLine(json);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Replays into a throwaway SQLite database, with progress on standard error.</summary>
    public static async Task<List<ReplayedAlert>> RunAsync(ScenarioFile scenario, CancellationToken ct)
    {
        // Progress goes to standard error, so that the alerts can be piped from standard output.
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var days = scenario.End.DayNumber - scenario.Start.DayNumber + 1;
        return await console.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Replaying {scenario.Name}", maxValue: days);
            return await ReplayScenario.RunInFreshDatabaseAsync(scenario, day => task.Value = day.DayNumber - scenario.Start.DayNumber + 1, ct);
        });
    }
}
