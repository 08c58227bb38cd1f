using System.Globalization;

namespace ChildStory.Features.Children;

/// <summary>Reads dates as practitioners type them: 27/3/2012, 27-03-2012, 27 3 2012 or 2012-03-27 (UK day-first order).</summary>
public static class DateInput
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "d MMM yyyy", "d MMMM yyyy",
    ];

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), Formats, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.AllowWhiteSpaces, out date);

    /// <summary>Builds a date from the three GOV.UK date-input boxes, naming what is wrong when it cannot.</summary>
    public static string? Problem(string? day, string? month, string? year, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }
        if (!int.TryParse(day, out var d) || !int.TryParse(month, out var m) || !int.TryParse(year, out var y))
        {
            return "Date of birth must include a day, month and year in numbers";
        }
        if (y < 1900 || y > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return "Date of birth must be a real date";
        }
        date = new DateOnly(y, m, d);
        return null;
    }
}
