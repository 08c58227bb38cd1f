using ChildStory.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Features.Rules.Replay;

/// <summary>One rule's load over a replayed history: alerts, and alerts per 100 children a month.</summary>
public sealed record RuleMonthlyLoad(string RuleId, int Alerts, double PerMonth, double PerHundredChildrenPerMonth);

public sealed record FatigueReport(DateOnly From, DateOnly To, int Steps, double AverageChildren, IReadOnlyList<RuleMonthlyLoad> Rules, IReadOnlyList<(string Month, int Alerts)> Months);

/// <summary>
/// Alert fatigue measured over time rather than at one moment: on a copy of an SQLite database (the original is not
/// touched), the clock walks back over the last months in steps, and at each step every rule runs for every child
/// agencies were working with, seeing only what had been received by then. The alerts raised give each rule's load per
/// month and per 100 children, as practitioners would have met it. Relationships count from when they were recorded.
/// </summary>
public static class ReplayHistory
{
    public static async Task<FatigueReport> RunAsync(string sqliteFile, DateTimeOffset until, int months, int stepDays, Action<int, int>? progress = null, CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("childstory-fatigue-");
        try
        {
            var copy = Path.Combine(folder.FullName, "copy.db");
            await using (var source = new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly"))
            await using (var target = new SqliteConnection($"Data Source={copy}"))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
            }
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ChildStory"] = $"Data Source={copy};Pooling=false",
            }).Build();
            var end = new DateTimeOffset(until.UtcDateTime.Date, TimeSpan.Zero);
            var start = end.AddMonths(-months);
            var clock = new ReplayClock(start);
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
            services.AddChildStoryCore(configuration);
            services.AddSingleton<TimeProvider>(clock);
            await using var provider = services.BuildServiceProvider();
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
                await db.Database.MigrateAsync(ct);
                await db.Alerts.ExecuteDeleteAsync(ct);
                await db.RegisterEntries.ExecuteDeleteAsync(ct);
                await db.RuleWork.ExecuteDeleteAsync(ct);
            }
            var steps = (int)Math.Ceiling((end - start).TotalDays / stepDays);
            var children = 0L;
            for (var step = 1; step <= steps; step++)
            {
                clock.Now = start.AddDays(step * stepDays) < end ? start.AddDays(step * stepDays) : end;
                await using var scope = provider.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<RunRules>().SweepAsync(ct, allRules: true);
                children += run.Children;
                progress?.Invoke(step, steps);
            }
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
                var alerts = await db.Alerts.AsNoTracking().Select(a => new { a.RuleId, a.RaisedAt }).ToListAsync(ct);
                var rules = scope.ServiceProvider.GetRequiredService<RuleCatalogue>().Describe();
                var average = steps == 0 ? 0 : (double)children / steps;
                return new FatigueReport(DateOnly.FromDateTime(start.UtcDateTime), DateOnly.FromDateTime(end.UtcDateTime), steps, average,
                    rules.Select(r =>
                    {
                        var n = alerts.Count(a => a.RuleId == r.Id);
                        return new RuleMonthlyLoad(r.Id, n, (double)n / months, average == 0 ? 0 : n * 100.0 / average / months);
                    }).OrderByDescending(r => r.Alerts).ToList(),
                    alerts.GroupBy(a => a.RaisedAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => g.Key)
                        .Select(g => (g.Key, g.Count())).ToList());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
