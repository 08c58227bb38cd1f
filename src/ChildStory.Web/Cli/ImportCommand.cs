using System.CommandLine;
using ChildStory.Features.Chronology;
using Spectre.Console;

namespace ChildStory.Web.Cli;

internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Events as JSON lines (.jsonl) or CSV (.csv) with a header row" };
        var agency = new Option<string>("--agency") { Description = "Code of the agency whose events these are, e.g. POL", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "Where to list rejected lines (default: FILE.rejects.csv)" };
        var events = new Command("events", "Import events into children's chronologies; re-running creates nothing twice") { file, agency, rejects };
        events.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            var rejectsPath = parse.GetValue(rejects) ?? path + ".rejects.csv";
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<ImportEvents>();
            var total = File.Exists(path) ? File.ReadLines(path).Count() : 0;
            ChildStory.Common.Result<ImportEvents.Summary> result = default;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Importing {Path.GetFileName(path)}", maxValue: Math.Max(1, total));
                    result = await import.RunAsync(path, parse.GetValue(agency)!, rejectsPath, new Progress<int>(n => task.Value = n), ct);
                    task.Value = task.MaxValue;
                });
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Error!.Fields)
                {
                    foreach (var message in messages) { Console.Error.WriteLine($"{field}: {message}"); }
                }
                return 2;
            }
            var s = result.Value;
            Console.WriteLine($"{s.Lines:N0} lines: {s.Created:N0} created, {s.Duplicates:N0} already imported, {s.Rejected:N0} rejected.");
            if (s.RejectsPath is not null)
            {
                Console.WriteLine($"Rejected lines and why: {s.RejectsPath}");
            }
            return s.Rejected > 0 ? 1 : 0;
        });
        var import = new Command("import", "Bring records in from agency systems' files");
        import.Subcommands.Add(events);
        import.Subcommands.Add(ImportAttendanceCommand.Create());
        return import;
    }
}
