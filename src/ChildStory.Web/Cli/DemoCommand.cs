using System.CommandLine;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Features.Demo;
using ChildStory.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ChildStory.Web.Cli;

/// <summary>
/// <c>childstory demo</c>: migrate the database, fill it with a synthetic partnership if it is empty, print the
/// demo logins and serve the app. Deterministic from <c>--seed</c>.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var defaults = new DemoOptions();
        var children = new Option<int>("--children") { Description = "How many children to generate", DefaultValueFactory = _ => defaults.Children };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives the same partnership", DefaultValueFactory = _ => defaults.Seed };
        var password = new Option<string>("--password") { Description = "Password for every demo login", DefaultValueFactory = _ => defaults.Password };
        var urls = new Option<string>("--urls") { Description = "Address to serve on", DefaultValueFactory = _ => "http://localhost:5080" };
        var reset = new Option<bool>("--reset") { Description = "Delete the SQLite demo database first" };
        var noServe = new Option<bool>("--no-serve") { Description = "Seed and print the logins, then exit" };
        var command = new Command("demo", "Run ChildStory with a synthetic demo partnership (seeded on first run)") { children, seed, password, urls, reset, noServe };
        command.SetAction(async (parse, ct) =>
        {
            var options = new DemoOptions { Children = parse.GetValue(children), Seed = parse.GetValue(seed), Password = parse.GetValue(password)! };
            if (options.Children is < 1 or > 1_000_000)
            {
                Console.Error.WriteLine("--children must be between 1 and 1,000,000");
                return 2;
            }
            var url = parse.GetValue(urls)!;
            var app = WebApp.Create(["--urls", url]);
            if (parse.GetValue(reset))
            {
                DeleteSqliteDatabase(app.Services.GetRequiredService<DatabaseSettings>(), app.Services.GetRequiredService<Features.Audit.CheckpointFile>().Path);
            }
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
                await db.Database.MigrateAsync(ct);
                await RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
                IReadOnlyList<DemoLogin> logins;
                if (await db.Agencies.AnyAsync(ct))
                {
                    AnsiConsole.MarkupLine("[grey]The database already holds a partnership; using it as it is (--reset starts again).[/]");
                    logins = await ExistingLoginsAsync(scope.ServiceProvider, options, ct);
                }
                else
                {
                    logins = await SeedAsync(scope.ServiceProvider, db, options, ct);
                }
                PrintLogins(url, logins, !parse.GetValue(noServe));
            }
            if (parse.GetValue(noServe))
            {
                await app.DisposeAsync();
                return 0;
            }
            await app.RunAsync(ct);
            return 0;
        });
        return command;
    }

    private static async Task<IReadOnlyList<DemoLogin>> SeedAsync(IServiceProvider services, ChildStoryDbContext db, DemoOptions options, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var seeder = services.GetRequiredService<SeedDemoData>();
        DemoSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Generating the demo partnership", maxValue: options.Children);
                summary = await seeder.RunAsync(db, options, new Progress<DemoProgress>(p =>
                {
                    task.Description = p.Stage;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }), ct);
                task.Value = task.MaxValue;
            });
        var logins = await DemoLogins.CreateAsync(
            services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole<Guid>>>(), db, options);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]Seeded[/] {summary.Agencies} agencies, {summary.Teams} teams, {summary.Practitioners} practitioners, {summary.Children:N0} children, {summary.Adults:N0} adults, {summary.Involvements:N0} involvements, {summary.Events:N0} events in {started.Elapsed.TotalSeconds:N1} s");
        // A bulk load queues no child for the rules: read every child agencies work with once, so the alerts and the
        // complex-needs register are there at first sign-in.
        var rules = System.Diagnostics.Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<Features.Rules.RunRules>().SweepAsync(ct, allRules: true);
            AnsiConsole.MarkupLineInterpolated($"[green]Safeguarding rules[/] read {run.Children:N0} children and raised {run.AlertsRaised:N0} alerts in {rules.Elapsed.TotalSeconds:N1} s");
        }
        return logins;
    }

    private static async Task<IReadOnlyList<DemoLogin>> ExistingLoginsAsync(IServiceProvider services, DemoOptions options, CancellationToken ct)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var db = services.GetRequiredService<ChildStoryDbContext>();
        var logins = new List<DemoLogin>();
        foreach (var role in ChildStory.Common.Roles.All)
        {
            var user = (await users.GetUsersInRoleAsync(role)).OrderBy(u => u.Email).FirstOrDefault();
            if (user?.PractitionerId is not { } id)
            {
                continue;
            }
            var who = await db.Practitioners.Where(p => p.Id == id)
                .Select(p => new { Name = p.GivenName + " " + p.FamilyName, Agency = p.Agency!.Name, Team = p.Team == null ? "" : p.Team.Name })
                .SingleAsync(ct);
            logins.Add(new DemoLogin(role, user.Email!, options.Password, who.Name, who.Agency, who.Team, "password as when the demo was created"));
        }
        return logins;
    }

    private static void PrintLogins(string url, IReadOnlyList<DemoLogin> logins, bool serving)
    {
        Console.WriteLine();
        Console.WriteLine("Demo logins (synthetic people only). Password for each: " + (logins.FirstOrDefault()?.Password ?? "(none)"));
        foreach (var login in logins)
        {
            Console.WriteLine($"  {ChildStory.Common.Roles.Describe(login.Role),-32} {login.Email,-48} {login.Name}, {login.TeamName} ({login.AgencyName})");
            Console.WriteLine($"  {"",-32} {login.Note}");
        }
        Console.WriteLine("Managers, front door, administrators and partnership leads set up an authenticator app (TOTP) at first sign-in.");
        if (serving)
        {
            Console.WriteLine($"ChildStory is running at {url}  (API description: {url}/openapi/v1.json). Press Ctrl+C to stop.");
        }
        Console.WriteLine();
    }

    /// <summary>The audit checkpoints go with the database: they describe its log, and a new log would fail them as truncated.</summary>
    private static void DeleteSqliteDatabase(DatabaseSettings settings, string checkpointFile)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("--reset only deletes a SQLite demo database; drop a PostgreSQL database yourself.");
        }
        var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm", checkpointFile })
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
