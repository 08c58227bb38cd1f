using System.Globalization;
using ChildStory.Features.Calendar;
using ChildStory.Features.Children;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ChildStory.Web.Pages.Shared;

/// <summary>
/// Reads what practitioners type into dates, times and choices, adding a field error that says what is wrong when it
/// cannot (a page then shows those errors before asking the use case anything). An empty field is simply not given:
/// the use case says it is needed, with every other problem at once. Times are the partnership's local time.
/// </summary>
public static class FormInput
{
    public static DateOnly? Date(this ModelStateDictionary state, string field, string? text, string what, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                state.AddModelError(field, $"Enter {what}");
            }
            return null;
        }
        if (DateInput.TryParse(text, out var date))
        {
            return date;
        }
        state.AddModelError(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be a real date, like 27/3/2027");
        return null;
    }

    /// <summary>
    /// A local date (field <paramref name="field"/>) and 24-hour time (field <paramref name="field"/>Time; midday when
    /// none is given and <paramref name="timeRequired"/> is false), as UTC. Name the date field as the use case names
    /// the instant, so its errors land on it.
    /// </summary>
    public static DateTimeOffset? DateTime(this ModelStateDictionary state, string field, string? dateText, string? timeText,
        string what, CalendarOptions calendar, bool timeRequired)
    {
        var timeField = field + "Time";
        var date = state.Date(field, dateText, what);
        var time = new TimeOnly(12, 0);
        if (string.IsNullOrWhiteSpace(timeText))
        {
            if (timeRequired && date is not null)
            {
                state.AddModelError(timeField, "Enter the time, like 14:30");
                return null;
            }
        }
        else if (!TimeOnly.TryParseExact(timeText.Trim(), ["H:mm", "HH:mm", "H.mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            state.AddModelError(timeField, "The time must be a 24-hour time, like 14:30");
            return null;
        }
        if (date is null)
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.Value.ToDateTime(time, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    /// <summary>An enum value from a radio or select, refusing numbers (only the names the page offers are accepted).</summary>
    public static T? Choice<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse<T>(text, out var value) && Enum.IsDefined(value) ? value : null;

    public static bool? YesNo(string? text) => text switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };

    public static Guid? Id(string? text) => Guid.TryParse(text, out var id) ? id : null;

    /// <summary>The partnership's local date and time of an instant, for filling a form back in.</summary>
    public static (string Date, string Time) Local(DateTimeOffset instant, CalendarOptions calendar)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(calendar.TimeZone));
        return (local.ToString("d/M/yyyy", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
