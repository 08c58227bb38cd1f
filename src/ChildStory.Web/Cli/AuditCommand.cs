using System.CommandLine;
using ChildStory.Features.Audit;
using Spectre.Console;

namespace ChildStory.Web.Cli;

internal static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Audit log tasks");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Checkpoint());
        return audit;
    }

    private static Command Verify()
    {
        var verify = new Command("verify",
            "Check the audit log's hash chain against its signed checkpoints and report the first entry altered, removed or reordered, "
            + "or the log shortened or rewritten since a checkpoint (exit code 1 if any)");
        verify.SetAction(async (_, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<VerifyAuditChain>();
            var report = await AnsiConsole.Status().StartAsync("Verifying the audit chain…", async status =>
                await handler.RunAsync(new Progress<long>(n => status.Status($"Verifying the audit chain… {n:N0} entries")), ct));
            if (report.Intact)
            {
                var anchored = report.NewestCheckpoint is { } newest
                    ? $" against {report.CheckpointsChecked:N0} signed checkpoints (newest: {newest})"
                    : "";
                Console.WriteLine($"Audit chain intact: {report.EntriesChecked:N0} entries verified{anchored}. Newest hash: {report.LastHash}");
                if (report.NewestCheckpoint is null)
                {
                    Console.WriteLine("No checkpoints yet: until one is written (`childstory audit checkpoint`, or the web app every minute), "
                        + "deleting the newest entries could not be detected.");
                }
                return 0;
            }
            Console.WriteLine(report.FirstBadSequence is { } bad
                ? $"AUDIT CHAIN BROKEN at entry {bad}: {report.Problem}"
                : $"AUDIT CHAIN BROKEN: {report.Problem}");
            Console.WriteLine($"{report.EntriesChecked:N0} entries before it verified.");
            return 1;
        });
        return verify;
    }

    private static Command Checkpoint()
    {
        var checkpoint = new Command("checkpoint",
            "Sign the audit log's length and newest hash now (the web app also does this every Audit:CheckpointIntervalSeconds); "
            + "refuses, with exit code 1, if the log no longer matches its newest checkpoint");
        checkpoint.SetAction(async (_, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<WriteCheckpoint>().RunAsync(evenIfUnchanged: true, ct);
            if (outcome.Refused)
            {
                Console.WriteLine($"CHECKPOINT REFUSED: {outcome.Problem}");
                return 1;
            }
            if (outcome.Checkpoint is not { } written)
            {
                Console.WriteLine(outcome.Note);
                return 0;
            }
            var file = scope.ServiceProvider.GetRequiredService<CheckpointFile>().Path;
            Console.WriteLine($"Checkpoint written: {written.Sequence:N0} entries, newest hash {written.Hash}, signed with key {written.KeyId}; "
                + $"kept in the database and in {file}");
            return 0;
        });
        return checkpoint;
    }
}
