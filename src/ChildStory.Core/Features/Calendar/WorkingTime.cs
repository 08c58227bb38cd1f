using System.Globalization;

namespace ChildStory.Features.Calendar;

/// <summary>How a rule measures time to a deadline.</summary>
public enum DeadlineUnit
{
    /// <summary>Whole working days: due at close of office hours on the Nth working day after the start.</summary>
    WorkingDays,

    /// <summary>Hours counted only while the offices are open.</summary>
    WorkingHours,

    /// <summary>Plain elapsed hours, nights, weekends and bank holidays included.</summary>
    CalendarHours,

    /// <summary>Calendar weeks ("every 12 weeks"): due by close of office hours on the last working day on or before the date.</summary>
    Weeks,

    /// <summary>Calendar months ("within 3 months"): due by close of office hours on the last working day on or before the date.</summary>
    Months,
}

/// <summary>What a rule allows: an amount of time in a unit (0 working days means "by close of the same working day").</summary>
public sealed partial record DeadlineRule(DeadlineUnit Unit, int Amount)
{
    public static DeadlineRule WorkingDays(int days) => new(DeadlineUnit.WorkingDays, days);

    public static DeadlineRule WorkingHours(int hours) => new(DeadlineUnit.WorkingHours, hours);

    public static DeadlineRule CalendarHours(int hours) => new(DeadlineUnit.CalendarHours, hours);

    public static DeadlineRule Weeks(int weeks) => new(DeadlineUnit.Weeks, weeks);

    public static DeadlineRule Months(int months) => new(DeadlineUnit.Months, months);

    public string Describe() => Unit switch
    {
        DeadlineUnit.WorkingDays when Amount == 0 => "the same working day",
        DeadlineUnit.WorkingDays => Amount == 1 ? "1 working day" : $"{Amount} working days",
        DeadlineUnit.WorkingHours => Amount == 1 ? "1 working hour" : $"{Amount} working hours",
        DeadlineUnit.Weeks => Amount == 1 ? "1 week" : $"{Amount} weeks",
        DeadlineUnit.Months => Amount == 1 ? "1 month" : $"{Amount} months",
        _ => Amount == 1 ? "1 hour" : $"{Amount} hours",
    };

    /// <summary>
    /// Reads a rule as a partnership writes it in configuration: "45 working days", "8 working hours", "72 hours",
    /// "12 weeks", "3 months". Null, with the reason, when the text is not one of those.
    /// </summary>
    public static DeadlineRule? Parse(string? text, out string? problem)
    {
        problem = null;
        var match = RuleText().Match(text?.Trim().ToLowerInvariant() ?? "");
        if (!match.Success)
        {
            problem = $"'{text}' is not a deadline: write a whole number and a unit, such as \"45 working days\", \"8 working hours\", \"72 hours\", \"12 weeks\" or \"3 months\"";
            return null;
        }
        var amount = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            var u when u.StartsWith("working day", StringComparison.Ordinal) => WorkingDays(amount),
            var u when u.StartsWith("working hour", StringComparison.Ordinal) => WorkingHours(amount),
            var u when u.StartsWith("week", StringComparison.Ordinal) => Weeks(amount),
            var u when u.StartsWith("month", StringComparison.Ordinal) => Months(amount),
            _ => CalendarHours(amount),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<n>\d{1,4})\s+(?<unit>working days?|working hours?|hours?|weeks?|months?)$")]
    private static partial System.Text.RegularExpressions.Regex RuleText();
}

/// <summary>
/// A deadline and, in words, how it was worked out: every practitioner who sees "late" can check why.
/// <see cref="OutOfHours"/> says the clock started when the offices were closed, so the item goes to the emergency
/// duty team rather than waiting for the morning.
/// </summary>
public sealed record Deadline(DateTimeOffset Due, string Explanation, bool OutOfHours);

/// <summary>
/// The partnership's working time: weekdays that are not England and Wales bank holidays, and office hours on them
/// in the partnership's time zone. Pure and immutable: the same start, rule and holidays always give the same
/// deadline, so tests and the scenario replay can move a <see cref="TimeProvider"/> and expect exact times.
/// </summary>
public sealed class WorkingTime
{
    private readonly IReadOnlyDictionary<DateOnly, string> _holidays;
    private readonly TimeOnly _opens;
    private readonly TimeOnly _closes;
    private readonly TimeZoneInfo _zone;

    public WorkingTime(IReadOnlyDictionary<DateOnly, string> holidays, TimeOnly opens, TimeOnly closes, TimeZoneInfo zone)
    {
        if (closes <= opens)
        {
            throw new ArgumentException($"Office hours must close after they open ({opens:HH\\:mm}–{closes:HH\\:mm}).");
        }
        _holidays = holidays;
        _opens = opens;
        _closes = closes;
        _zone = zone;
    }

    public TimeOnly Opens => _opens;

    public TimeOnly Closes => _closes;

    public string? HolidayOn(DateOnly day) => _holidays.GetValueOrDefault(day);

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.ContainsKey(day);

    /// <summary>True on a working day between opening and closing, partnership time.</summary>
    public bool IsOfficeHours(DateTimeOffset instant)
    {
        var local = Local(instant);
        var time = TimeOnly.FromDateTime(local);
        return IsWorkingDay(DateOnly.FromDateTime(local)) && time >= _opens && time < _closes;
    }

    public Deadline Due(DateTimeOffset start, DeadlineRule rule)
    {
        if (rule.Amount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rule), "A deadline cannot be in the past.");
        }
        var outOfHours = !IsOfficeHours(start);
        var started = $"Started {Describe(start)}{(outOfHours ? ", out of office hours" : "")}.";
        return rule.Unit switch
        {
            DeadlineUnit.CalendarHours => new Deadline(start.AddHours(rule.Amount).ToUniversalTime(),
                $"{started} {rule.Describe()} in calendar time, nights, weekends and bank holidays included: due {Describe(start.AddHours(rule.Amount))}.", outOfHours),
            DeadlineUnit.WorkingHours => WorkingHoursDue(start, rule, started, outOfHours),
            DeadlineUnit.Weeks or DeadlineUnit.Months => CalendarPeriodDue(start, rule, started, outOfHours),
            _ => WorkingDaysDue(start, rule, started, outOfHours),
        };
    }

    private Deadline WorkingDaysDue(DateTimeOffset start, DeadlineRule rule, string started, bool outOfHours)
    {
        var local = Local(start);
        var day = DateOnly.FromDateTime(local);
        var skipped = new List<string>();
        // A start after closing, or on a day the offices are shut, counts from the next working day's opening.
        if (!IsWorkingDay(day) || TimeOnly.FromDateTime(local) >= _closes)
        {
            day = NextWorkingDay(day, skipped);
        }
        for (var i = 0; i < rule.Amount; i++)
        {
            day = NextWorkingDay(day, skipped);
        }
        var due = At(day, _closes);
        var notCounted = skipped.Count == 0 ? "" : $" Not counted: {string.Join("; ", skipped)}.";
        return new Deadline(due, $"{started} Allowed {rule.Describe()}.{notCounted} Due by close of office hours, {Describe(due)}.", outOfHours);
    }

    /// <summary>
    /// "Within 3 months", "every 12 weeks": the same date that many weeks or months on (the month's last day when it
    /// is shorter), brought back to the last working day on or before it, due by close of office hours.
    /// </summary>
    private Deadline CalendarPeriodDue(DateTimeOffset start, DeadlineRule rule, string started, bool outOfHours)
    {
        var from = DateOnly.FromDateTime(Local(start));
        var target = rule.Unit == DeadlineUnit.Weeks ? from.AddDays(7 * rule.Amount) : from.AddMonths(rule.Amount);
        var day = target;
        var skipped = new List<string>();
        while (!IsWorkingDay(day))
        {
            skipped.Add(HolidayOn(day) is { } name
                ? $"{day.ToString("ddd d MMM", CultureInfo.InvariantCulture)} ({name})"
                : $"{day.ToString("ddd d MMM", CultureInfo.InvariantCulture)} (weekend)");
            day = day.AddDays(-1);
        }
        var due = At(day, _closes);
        var brought = skipped.Count == 0 ? "" : $" {target.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)} is not a working day, so it is brought forward past {string.Join("; ", skipped)}.";
        return new Deadline(due, $"{started} Allowed {rule.Describe()}.{brought} Due by close of office hours, {Describe(due)}.", outOfHours);
    }

    private Deadline WorkingHoursDue(DateTimeOffset start, DeadlineRule rule, string started, bool outOfHours)
    {
        var local = Local(start);
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var skipped = new List<string>();
        if (!IsWorkingDay(day) || time >= _closes)
        {
            day = NextWorkingDay(day, skipped);
            time = _opens;
        }
        else if (time < _opens)
        {
            time = _opens;
        }
        var remaining = TimeSpan.FromHours(rule.Amount);
        while (true)
        {
            var left = _closes - time;
            if (remaining <= left)
            {
                var due = At(day, time.Add(remaining));
                var notCounted = skipped.Count == 0 ? "" : $" Not counted: {string.Join("; ", skipped)}.";
                return new Deadline(due, $"{started} Allowed {rule.Describe()}, counted only while offices are open ({_opens:HH\\:mm}–{_closes:HH\\:mm}).{notCounted} Due {Describe(due)}.", outOfHours);
            }
            remaining -= left;
            day = NextWorkingDay(day, skipped);
            time = _opens;
        }
    }

    /// <summary>The next working day after <paramref name="day"/>, noting every day passed over and why.</summary>
    private DateOnly NextWorkingDay(DateOnly day, List<string> skipped)
    {
        var next = day.AddDays(1);
        while (!IsWorkingDay(next))
        {
            skipped.Add(HolidayOn(next) is { } name
                ? $"{next.ToString("ddd d MMM", CultureInfo.InvariantCulture)} ({name})"
                : $"{next.ToString("ddd d MMM", CultureInfo.InvariantCulture)} (weekend)");
            next = next.AddDays(1);
        }
        return next;
    }

    /// <summary>The partnership's calendar date at an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant));

    /// <summary>
    /// Whole working days of notice between two instants: the working days after the day of <paramref name="from"/>
    /// and before the day of <paramref name="to"/> (an invitation on Monday for Friday gives three: Tuesday to Thursday).
    /// </summary>
    public int NoticeWorkingDays(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        for (var day = DateOf(from).AddDays(1); day < DateOf(to); day = day.AddDays(1))
        {
            count += IsWorkingDay(day) ? 1 : 0;
        }
        return count;
    }

    private DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone).DateTime;

    private DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    /// <summary>"Thu 2 Apr 2026 16:40 (15:40 UTC)": partnership time, which is what practitioners read, with UTC beside it.</summary>
    public string Describe(DateTimeOffset instant)
    {
        var local = Local(instant);
        var utc = instant.ToUniversalTime();
        var localText = local.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
        return local.TimeOfDay == utc.TimeOfDay ? $"{localText} (UTC)" : $"{localText} ({utc.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC)";
    }
}
