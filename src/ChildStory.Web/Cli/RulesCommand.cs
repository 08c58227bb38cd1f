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

        var all = new Option<bool>("--all") { Description = "Run every rule (not only the time-driven ones) over every child agencies work with, as after a bulk load" };
        var run = new Command("run", "Evaluate the children whose information changed, then sweep the time-driven rules over every child agencies work with") { all };
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
            var started = TimeProvider.System.GetTimestamp();
            var swept = await engine.SweepAsync(ct, parse.GetValue(all));
            Console.WriteLine($"Sweep took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N1} s.");
            Console.WriteLine($"Rules: {changed.Children:N0} changed children evaluated ({changed.AlertsRaised:N0} alerts); {swept.Children:N0} children swept ({swept.AlertsRaised:N0} alerts).");
            return 0;
        });
        var days = new Option<int>("--days") { Description = "The window to count alerts over", DefaultValueFactory = _ => 90 };
        var report = new Command("report", "Alert fatigue: alerts per rule in the window, the children they were about, and alerts per 100 children a month") { days };
        report.SetAction(async (parse, ct) =>
        {
            var window = parse.GetValue(days);
            if (window < 1)
            {
                Console.Error.WriteLine("--days must be 1 or more");
                return 2;
            }
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var (children, load) = await scope.ServiceProvider.GetRequiredService<RuleCatalogue>().LoadAsync(window, ct);
            Console.WriteLine($"Alerts raised in the last {window} days, {children:N0} children with targeted services involved:");
            Console.WriteLine($"  {"rule",-26} {"alerts",7} {"children",9} {"per 100 children a month",25}");
            foreach (var r in load.OrderByDescending(r => r.Alerts))
            {
                Console.WriteLine($"  {r.RuleId,-26} {r.Alerts,7:N0} {r.Children,9:N0} {r.PerHundredChildrenPerMonth,25:N1}");
            }
            var total = load.Sum(r => r.Alerts);
            Console.WriteLine($"  {"all rules",-26} {total,7:N0} {"",9} {(children == 0 ? 0 : total * 100.0 / children / (window / 30.4375)),25:N1}");
            return 0;
        });
        var months = new Option<int>("--months") { Description = "How far back to replay", DefaultValueFactory = _ => 12 };
        var step = new Option<int>("--step-days") { Description = "Days between evaluations", DefaultValueFactory = _ => 7 };
        var fatigue = new Command("fatigue", "Replay the last months on a copy of the (SQLite) database and report each rule's alerts per month and per 100 children") { months, step };
        fatigue.SetAction(async (parse, ct) =>
        {
            ChildStory.Data.DatabaseSettings settings;
            await using (var host = CliHost.Create())
            {
                settings = host.Services.GetRequiredService<ChildStory.Data.DatabaseSettings>();
            }
            if (settings.Provider != ChildStory.Data.DatabaseProvider.Sqlite)
            {
                Console.Error.WriteLine("rules fatigue replays a copy of an SQLite database; for PostgreSQL use 'rules report'.");
                return 2;
            }
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (parse.GetValue(months) is < 1 or > 36 || parse.GetValue(step) is < 1 or > 31)
            {
                Console.Error.WriteLine("--months must be 1 to 36 and --step-days 1 to 31");
                return 2;
            }
            var started = TimeProvider.System.GetTimestamp();
            var result = await Features.Rules.Replay.ReplayHistory.RunAsync(file, TimeProvider.System.GetUtcNow(), parse.GetValue(months), parse.GetValue(step),
                (done, total) => Console.Error.Write($"\r{done}/{total} steps"), ct);
            Console.Error.WriteLine();
            Console.WriteLine($"{result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}, every {parse.GetValue(step)} days ({result.Steps} steps), on average {result.AverageChildren:N0} children with targeted services or a plan; took {TimeProvider.System.GetElapsedTime(started).TotalSeconds:N0} s.");
            Console.WriteLine($"  {"rule",-26} {"alerts",7} {"a month",8} {"per 100 children a month",25}");
            foreach (var r in result.Rules)
            {
                Console.WriteLine($"  {r.RuleId,-26} {r.Alerts,7:N0} {r.PerMonth,8:N1} {r.PerHundredChildrenPerMonth,25:N2}");
            }
            var total = result.Rules.Sum(r => r.Alerts);
            var perMonth = (double)total / parse.GetValue(months);
            Console.WriteLine($"  {"all rules",-26} {total,7:N0} {perMonth,8:N1} {(result.AverageChildren == 0 ? 0 : perMonth * 100 / result.AverageChildren),25:N2}");
            Console.WriteLine("By month: " + string.Join(", ", result.Months.Select(m => $"{m.Month} {m.Alerts}")));
            return 0;
        });
        return new Command("rules", "The safeguarding rules") { list, run, report, fatigue };
    }
}
