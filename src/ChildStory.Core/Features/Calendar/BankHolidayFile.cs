using System.Globalization;
using System.Text.Json;
using ChildStory.Common;
using ChildStory.Domain.Calendar;

namespace ChildStory.Features.Calendar;

/// <summary>
/// Reads the public gov.uk bank-holidays JSON format (https://www.gov.uk/bank-holidays.json): divisions, each with
/// events of title, date (yyyy-MM-dd), notes and bunting. Only the england-and-wales division is taken. A copy for
/// past and coming years ships with ChildStory (<c>bank-holidays.json</c>, embedded); <c>childstory calendar import</c>
/// loads a newer one.
/// </summary>
public static class BankHolidayFile
{
    public const string Division = "england-and-wales";

    public static Result<IReadOnlyList<BankHoliday>> Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Error.Invalid("file", $"This is not JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(Division, out var division)
                || !division.TryGetProperty("events", out var events)
                || events.ValueKind != JsonValueKind.Array)
            {
                return Error.Invalid("file", $"There is no \"{Division}\" division with a list of \"events\" (the gov.uk bank-holidays.json format)");
            }
            var errors = new ValidationErrors();
            var holidays = new Dictionary<DateOnly, BankHoliday>();
            var index = 0;
            foreach (var e in events.EnumerateArray())
            {
                var where = $"events[{index++}]";
                var title = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var dateText = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                var notes = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                if (string.IsNullOrWhiteSpace(title))
                {
                    errors.Add(where, "Each event needs a title");
                    continue;
                }
                if (dateText is null || !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(where, $"'{title}' needs a date like 2026-12-28, not '{dateText}'");
                    continue;
                }
                if (holidays.ContainsKey(date))
                {
                    errors.Add(where, $"{dateText} appears twice");
                    continue;
                }
                holidays[date] = new BankHoliday(date, title.Trim(), notes?.Trim());
            }
            if (errors.Any)
            {
                return Error.Invalid(errors);
            }
            return holidays.Values.OrderBy(h => h.Date).ToList();
        }
    }

    /// <summary>The copy shipped with ChildStory.</summary>
    public static IReadOnlyList<BankHoliday> Shipped()
    {
        using var stream = typeof(BankHolidayFile).Assembly.GetManifestResourceStream("ChildStory.bank-holidays.json")
            ?? throw new InvalidOperationException("The shipped bank-holidays.json is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var parsed = Parse(reader.ReadToEnd());
        return parsed.Succeeded ? parsed.Value : throw new InvalidOperationException($"The shipped bank-holidays.json is invalid: {parsed.Error}");
    }
}
