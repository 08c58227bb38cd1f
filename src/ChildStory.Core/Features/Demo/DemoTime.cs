using ChildStory.Data;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>The partnership calendar and "n working days ago" for placing the demo's follow-through in time.</summary>
internal static class DemoTime
{
    public static async Task<WorkingTime> CalendarAsync(ChildStoryDbContext db, CancellationToken ct) =>
        PartnershipCalendar.Build((await db.BankHolidays.AnyAsync(ct) ? await db.BankHolidays.AsNoTracking().ToListAsync(ct) : BankHolidayFile.Shipped())
            .ToDictionary(h => h.Date, h => h.Name), new CalendarOptions());

    public static DateTimeOffset WorkingDaysAgo(WorkingTime working, DateTimeOffset now, int days, int hourUtc)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < days; day = day.AddDays(-1))
        {
            if (working.IsWorkingDay(day.AddDays(-1))) { i++; }
        }
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);
    }

    public static DateTimeOffset WorkingDaysAhead(WorkingTime working, DateTimeOffset now, int days, int hourUtc)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        for (var i = 0; i < days;)
        {
            day = day.AddDays(1);
            if (working.IsWorkingDay(day)) { i++; }
        }
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(hourUtc, 0)), TimeSpan.Zero);
    }
}
