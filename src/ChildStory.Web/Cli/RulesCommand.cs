using System.CommandLine;
using System.Text.Json;
using ChildStory.Features.Rules;

namespace ChildStory.Web.Cli;

/// <summary>
/// <c>childstory rules list [--format json|table]</c> prints every safeguarding rule (id, version, title, source, guidance,
/// parameters as this partnership set them); <c>childstory rules run</c> evaluates the children whose information changed
/// and sweeps the rules that time alone can trigger (the web app does both on its own).
/// </summary>
internal static class RulesCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        var list = new Command("list", "Print every rule: id, title, source (the finding or guidance), parameters") { format };
        list.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(format)!.ToLowerInvariant();
            if (chosen is not ("json" or "table"))
            {
                Console.Error.WriteLine($"--format: '{chosen}' is not a format; use json or table");
                return 2;
            }
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var rules = scope.ServiceProvider.GetRequiredService<RuleCatalogue>().Describe();
            if (chosen == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(rules.Select(r => new { r.Id, r.Version, r.Title, r.Source, r.Guidance, r.Audience, r.TimeDriven, r.Enabled, r.Parameters }), Json));
                return 0;
            }
            foreach (var r in rules)
            {
                Console.WriteLine($"{r.Id} (v{r.Version}){(r.Enabled ? "" : " [disabled]")}: {r.Title}");
                Console.WriteLine($"    from: {r.Source}");
                Console.WriteLine($"    tells: {r.Audience}; parameters: {(r.Parameters.Count == 0 ? "none" : string.Join(", ", r.Parameters.Select(p => $"{p.Key}={p.Value}")))}");
            }
            return 0;
        });

        var run = new Command("run", "Evaluate the children whose information changed, then sweep the time-driven rules over every child agencies work with");
        run.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<RunRules>();
            var changed = new RulesRun(0, 0);
            for (RulesRun batch; (batch = await engine.RunQueueAsync(ct: ct)).Children > 0;)
            {
                changed = new RulesRun(changed.Children + batch.Children, changed.AlertsRaised + batch.AlertsRaised);
            }
            var swept = await engine.SweepAsync(ct);
            Console.WriteLine($"Rules: {changed.Children:N0} changed children evaluated ({changed.AlertsRaised:N0} alerts); {swept.Children:N0} children swept ({swept.AlertsRaised:N0} alerts).");
            return 0;
        });
        return new Command("rules", "The safeguarding rules") { list, run };
    }
}
