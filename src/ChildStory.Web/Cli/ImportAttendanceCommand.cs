using System.CommandLine;
using System.Text;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Cli;

/// <summary><c>childstory import attendance FILE --school CODE</c>: a school's attendance CSV (Features/Education/README.md), each bad line named with its column.</summary>
internal static class ImportAttendanceCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Attendance as CSV with a header row: upn,period_start,period_end,possible_sessions,attended_sessions[,on_roll_from]" };
        var school = new Option<string>("--school") { Description = "Code of the school whose pupils these are", Required = true };
        var command = new Command("attendance", "Import pupils' attendance (and roll) from a school's system; re-running creates nothing twice") { file, school };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"file: There is no file at {path}");
                return 2;
            }
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var code = parse.GetValue(school)!.Trim().ToUpperInvariant();
            var schoolId = await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => (Guid?)a.Id).SingleOrDefaultAsync(ct);
            if (schoolId is null)
            {
                Console.Error.WriteLine($"school: No agency has the code '{code}'");
                return 2;
            }
            using var reader = new StreamReader(path, Encoding.UTF8);
            var lines = ImportAttendance.ReadCsv(reader);
            Result<ImportAttendance.Outcome> result = lines.Succeeded
                ? await scope.ServiceProvider.GetRequiredService<ImportAttendance>().RunAsync(Actor.System($"attendance import of {Path.GetFileName(path)}"), schoolId.Value, lines.Value, ct)
                : lines.Error!;
            if (!result.Succeeded)
            {
                Console.Error.WriteLine(result.Error!.Title);
                foreach (var (field, messages) in result.Error.Fields)
                {
                    foreach (var message in messages) { Console.Error.WriteLine($"{field}: {message}"); }
                }
                return 2;
            }
            var s = result.Value;
            foreach (var bad in s.Results.Where(r => r.Errors is not null))
            {
                foreach (var (column, messages) in bad.Errors!)
                {
                    foreach (var message in messages) { Console.Error.WriteLine($"line {bad.Line}, {column}: {message}"); }
                }
            }
            Console.WriteLine($"{s.Lines:N0} lines: {s.Created:N0} created, {s.Updated:N0} updated, {s.Unchanged:N0} unchanged, {s.Rejected:N0} rejected.");
            return s.Rejected > 0 ? 1 : 0;
        });
        return command;
    }
}
