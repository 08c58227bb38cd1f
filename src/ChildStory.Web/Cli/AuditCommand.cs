using System.CommandLine;
using ChildStory.Features.Audit;
using Spectre.Console;

namespace ChildStory.Web.Cli;

internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit log's hash chain and report the first entry that was altered, removed or reordered (exit code 1 if any)");
        verify.SetAction(async (_, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<VerifyAuditChain>();
            var report = await AnsiConsole.Status().StartAsync("Verifying the audit chain…", async status =>
                await handler.RunAsync(new Progress<long>(n => status.Status($"Verifying the audit chain… {n:N0} entries")), ct));
            if (report.Intact)
            {
                Console.WriteLine($"Audit chain intact: {report.EntriesChecked:N0} entries verified. Newest hash: {report.LastHash}");
                return 0;
            }
            Console.WriteLine($"AUDIT CHAIN BROKEN at entry {report.FirstBadSequence}: {report.Problem}");
            Console.WriteLine($"{report.EntriesChecked:N0} entries before it verified.");
            return 1;
        });
        var audit = new Command("audit", "Audit log tasks");
        audit.Subcommands.Add(verify);
        return audit;
    }
}
