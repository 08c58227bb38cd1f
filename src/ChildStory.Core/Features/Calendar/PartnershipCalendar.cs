using ChildStory.Data;
using ChildStory.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Calendar;

/// <summary>Office hours and time zone, from configuration section <c>Calendar</c>.</summary>
public sealed class CalendarOptions
{
    public string OfficeOpens { get; set; } = "09:00";
    public string OfficeCloses { get; set; } = "17:00";
    public string TimeZone { get; set; } = "Europe/London";
}

/// <summary>
/// The partnership's <see cref="WorkingTime"/>: bank holidays from the database (the shipped gov.uk file is loaded
/// the first time the table is found empty), office hours and time zone from <see cref="CalendarOptions"/>. Read at
/// most every five minutes, so an import by <c>childstory calendar import</c> reaches a running server soon after.
/// </summary>
public sealed class PartnershipCalendar(IOptions<CalendarOptions> options, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private (WorkingTime Time, DateTimeOffset ReadAt)? _cached;

    public async Task<WorkingTime> GetAsync(ChildStoryDbContext db, CancellationToken ct = default)
    {
        if (_cached is { } cached && time.GetUtcNow() - cached.ReadAt < MaxAge)
        {
            return cached.Time;
        }
        if (!await db.BankHolidays.AnyAsync(ct))
        {
            await ImportAsync(db, BankHolidayFile.Shipped(), ct);
        }
        var holidays = await db.BankHolidays.AsNoTracking().ToListAsync(ct);
        var working = Build(holidays.ToDictionary(h => h.Date, h => h.Name), options.Value);
        _cached = (working, time.GetUtcNow());
        return working;
    }

    /// <summary>Adds new days and updates changed ones (gov.uk files overlap year to year); nothing is deleted.</summary>
    public async Task<(int Added, int Updated)> ImportAsync(ChildStoryDbContext db, IReadOnlyList<BankHoliday> holidays, CancellationToken ct = default)
    {
        var existing = await db.BankHolidays.ToDictionaryAsync(h => h.Date, ct);
        var (added, updated) = (0, 0);
        foreach (var h in holidays)
        {
            if (existing.TryGetValue(h.Date, out var known))
            {
                if (known.Title != h.Title || known.Notes != h.Notes)
                {
                    known.Update(h.Title, h.Notes);
                    updated++;
                }
            }
            else
            {
                db.BankHolidays.Add(new BankHoliday(h.Date, h.Title, h.Notes));
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        _cached = null;
        return (added, updated);
    }

    public static WorkingTime Build(IReadOnlyDictionary<DateOnly, string> holidays, CalendarOptions options) =>
        new(holidays, TimeOnly.Parse(options.OfficeOpens, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(options.OfficeCloses, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
}
