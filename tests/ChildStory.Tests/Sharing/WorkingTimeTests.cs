using ChildStory.Features.Calendar;

namespace ChildStory.Tests.Sharing;

public sealed class WorkingTimeTests
{
    private static readonly WorkingTime Westmere = PartnershipCalendar.Build(
        BankHolidayFile.Shipped().ToDictionary(h => h.Date, h => h.Name), new CalendarOptions());

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public void A_share_sent_late_on_the_Thursday_before_Easter_is_due_on_Tuesday_after_the_bank_holidays()
    {
        // 16:40 British Summer Time on Thursday 2 April 2026 is 15:40 UTC.
        var due = Westmere.Due(Utc(2026, 4, 2, 15, 40), DeadlineRule.WorkingDays(1));
        Assert.Equal(Utc(2026, 4, 7, 16, 0), due.Due);
        Assert.False(due.OutOfHours);
        Assert.Contains("Fri 3 Apr (Good Friday)", due.Explanation);
        Assert.Contains("Sat 4 Apr (weekend)", due.Explanation);
        Assert.Contains("Mon 6 Apr (Easter Monday)", due.Explanation);
        Assert.Contains("Tue 7 Apr 2026 17:00 (16:00 UTC)", due.Explanation);
    }

    [Fact]
    public void After_closing_the_clock_starts_on_the_next_working_day_and_the_item_is_out_of_hours()
    {
        // Thursday 24 December 2026 at 18:30 (GMT): Christmas Day Friday, weekend, Boxing Day substitute Monday 28th.
        var sameDay = Westmere.Due(Utc(2026, 12, 24, 18, 30), DeadlineRule.WorkingDays(0));
        Assert.True(sameDay.OutOfHours);
        Assert.Equal(Utc(2026, 12, 29, 17, 0), sameDay.Due);
        Assert.Contains("Mon 28 Dec (Boxing Day (substitute day))", sameDay.Explanation);
        Assert.Contains("(UTC)", sameDay.Explanation);
    }

    [Fact]
    public void Working_hours_count_only_while_offices_are_open_and_calendar_hours_count_everything()
    {
        // Friday 15:00 BST plus 4 working hours: 2 on Friday, 2 on Monday morning.
        var friday = Utc(2026, 6, 12, 14, 0);
        Assert.Equal(Utc(2026, 6, 15, 10, 0), Westmere.Due(friday, DeadlineRule.WorkingHours(4)).Due);
        Assert.Equal(friday.AddHours(4), Westmere.Due(friday, DeadlineRule.CalendarHours(4)).Due);
        Assert.True(Westmere.IsOfficeHours(friday));
        Assert.False(Westmere.IsOfficeHours(Utc(2026, 6, 13, 10, 0)));
        Assert.False(Westmere.IsWorkingDay(new DateOnly(2026, 8, 31)));
        Assert.Equal("Summer bank holiday", Westmere.HolidayOn(new DateOnly(2026, 8, 31)));
    }

    [Fact]
    public void The_gov_uk_format_is_read_and_bad_files_are_refused_with_the_place_and_reason()
    {
        var good = BankHolidayFile.Parse("""{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","date":"2029-01-01","notes":"","bunting":true}]},"scotland":{"division":"scotland","events":[]}}""");
        Assert.True(good.Succeeded);
        Assert.Equal(new DateOnly(2029, 1, 1), Assert.Single(good.Value).Date);

        var badDate = BankHolidayFile.Parse("""{"england-and-wales":{"events":[{"title":"Christmas Day","date":"25/12/2029"}]}}""");
        Assert.False(badDate.Succeeded);
        Assert.Contains("events[0]", badDate.Error!.Fields.Keys);
        Assert.Contains("2026-12-28", string.Join(" ", badDate.Error.Fields["events[0]"]));

        Assert.False(BankHolidayFile.Parse("""{"scotland":{"events":[]}}""").Succeeded);
        Assert.False(BankHolidayFile.Parse("not json").Succeeded);
        // The shipped file covers past and coming years.
        var shipped = BankHolidayFile.Shipped();
        Assert.Contains(shipped, h => h.Date == new DateOnly(2019, 4, 19));
        Assert.Contains(shipped, h => h.Date == new DateOnly(2028, 12, 26));
    }
}
