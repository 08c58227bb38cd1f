using System.CommandLine;
using ChildStory.Data;
using ChildStory.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ChildStory.Web.Cli;

internal static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply pending migrations to the configured database (SQLite or PostgreSQL)");
        migrate.SetAction(async (_, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            AnsiConsole.MarkupLineInterpolated($"[grey]{db.Database.ProviderName}[/]: {pending.Count} pending migration(s)");
            foreach (var name in pending)
            {
                AnsiConsole.MarkupLineInterpolated($"  applying [green]{name}[/]");
            }
            await db.Database.MigrateAsync(ct);
            await RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
            AnsiConsole.MarkupLine("[green]Database is up to date.[/]");
            return 0;
        });
        var db = new Command("db", "Database tasks");
        db.Subcommands.Add(migrate);
        return db;
    }
}
