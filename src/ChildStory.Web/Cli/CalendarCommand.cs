using System.CommandLine;
using System.Globalization;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Calendar;

namespace ChildStory.Web.Cli;

/// <summary>
/// <c>childstory calendar import FILE</c> loads bank holidays from a file in the gov.uk format
/// (https://www.gov.uk/bank-holidays.json, england-and-wales division); <c>childstory calendar show [--year]</c>
/// lists the working calendar's bank holidays and office hours.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A bank-holidays.json file in the gov.uk format" };
        var import = new Command("import", "Add or update England and Wales bank holidays from a gov.uk bank-holidays.json file") { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"{path.FullName} does not exist.");
                return 2;
            }
            var parsed = BankHolidayFile.Parse(await File.ReadAllTextAsync(path.FullName, ct));
            if (!parsed.Succeeded)
            {
                Console.Error.WriteLine($"{path.Name} was not imported; nothing changed:");
                foreach (var (field, messages) in parsed.Error!.Fields)
                {
                    foreach (var m in messages) { Console.Error.WriteLine($"  {field}: {m}"); }
                }
                return 1;
            }
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var (added, updated) = await scope.ServiceProvider.GetRequiredService<PartnershipCalendar>().ImportAsync(db, parsed.Value, ct);
            db.Audit(AuditActions.BankHolidaysImported, detail: $"{{\"file\":\"{path.Name}\",\"added\":{added},\"updated\":{updated}}}");
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"{parsed.Value.Count} bank holidays read ({parsed.Value[0].Date:yyyy-MM-dd} to {parsed.Value[^1].Date:yyyy-MM-dd}): {added} added, {updated} updated.");
            return 0;
        });

        var year = new Option<int?>("--year") { Description = "Only this year" };
        var show = new Command("show", "List bank holidays and office hours") { year };
        show.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var working = await scope.ServiceProvider.GetRequiredService<PartnershipCalendar>().GetAsync(db, ct);
            Console.WriteLine($"Office hours {working.Opens:HH\\:mm}–{working.Closes:HH\\:mm}, Monday to Friday, except bank holidays:");
            var only = parse.GetValue(year);
            foreach (var h in db.BankHolidays.OrderBy(h => h.Date).AsEnumerable().Where(h => only is null || h.Date.Year == only))
            {
                Console.WriteLine($"  {h.Date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}  {h.Name}");
            }
            return 0;
        });
        return new Command("calendar", "The partnership's working calendar: bank holidays and office hours") { import, show };
    }
}
