using System.Globalization;
using System.Text.Json;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Events from a file: JSON lines (one event object a line, as the API takes it) or CSV with a header row of the
/// columns in <see cref="Columns"/>. Lines that cannot be read become rejects; they never stop the rest.
/// </summary>
public static class EventFile
{
    public static readonly string[] Columns =
    [
        "idempotency_key", "type", "occurred_at", "recorded_at", "author", "summary", "details", "significant", "verification",
        "sensitivity", "sensitive_contact", "given_name", "family_name", "date_of_birth", "sex", "postcode", "nhs_number", "upn",
        "reference", "child_present", "domestic_abuse", "planned", "successful", "child_seen", "child_seen_alone", "period_end", "attendance_percent",
        "bedroom_seen", "concerns",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Line(int Number, EventInput? Input, string? Problem, string? Key = null);

    public static IEnumerable<Line> Read(string path, TextReader reader) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(reader) : ReadJsonLines(reader);

    private static IEnumerable<Line> ReadJsonLines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            EventInput? input = null;
            string? problem = null;
            try
            {
                input = JsonSerializer.Deserialize<EventInput>(text, Json);
            }
            catch (JsonException e)
            {
                problem = $"not a JSON event object: {e.Message}";
            }
            yield return new Line(number, input, input is null ? problem ?? "empty JSON value" : null);
        }
    }

    private static IEnumerable<Line> ReadCsv(TextReader reader)
    {
        string[]? header = null;
        foreach (var (number, fields) in CsvReader.Read(reader))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                var unknown = header.Except(Columns).ToList();
                if (unknown.Count > 0)
                {
                    throw new FormatException($"Line {number}: unknown column(s) {string.Join(", ", unknown)}; the columns are {string.Join(", ", Columns)}");
                }
                continue;
            }
            if (fields.Length != header.Length)
            {
                yield return new Line(number, null, $"has {fields.Length} fields but the header has {header.Length}");
                continue;
            }
            var row = header.Zip(fields).ToDictionary(p => p.First, p => string.IsNullOrWhiteSpace(p.Second) ? null : p.Second.Trim());
            var problems = new List<string>();
            var input = new EventInput(
                Get(row, "idempotency_key"), Get(row, "type"), Time(row, "occurred_at", problems), Time(row, "recorded_at", problems),
                Get(row, "author"), Get(row, "summary"), Get(row, "details"), Bool(row, "significant", problems), Get(row, "verification"),
                Get(row, "sensitivity"), Get(row, "sensitive_contact"),
                new SubjectInput(Get(row, "given_name"), Get(row, "family_name"), Get(row, "date_of_birth"), Get(row, "sex"), Get(row, "postcode"),
                    Get(row, "nhs_number"), Get(row, "upn"), Get(row, "reference")),
                Bool(row, "child_present", problems), Bool(row, "domestic_abuse", problems), Bool(row, "planned", problems), Bool(row, "successful", problems),
                Bool(row, "child_seen", problems), Bool(row, "child_seen_alone", problems), Time(row, "period_end", problems), Number(row, "attendance_percent", problems),
                Bool(row, "bedroom_seen", problems), Get(row, "concerns")?.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            yield return problems.Count == 0 ? new Line(number, input, null) : new Line(number, null, string.Join("; ", problems), input.IdempotencyKey);
        }
    }

    private static string? Get(Dictionary<string, string?> row, string column) => row.GetValueOrDefault(column);

    private static DateTimeOffset? Time(Dictionary<string, string?> row, string column, List<string> problems)
    {
        var text = Get(row, column);
        if (text is null) { return null; }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)) { return value; }
        problems.Add($"{column} '{text}' is not a date and time (use ISO 8601, e.g. 2026-03-14T21:30:00Z)");
        return null;
    }

    private static bool? Bool(Dictionary<string, string?> row, string column, List<string> problems)
    {
        var text = Get(row, column)?.ToLowerInvariant();
        switch (text)
        {
            case null: return null;
            case "true" or "yes" or "y" or "1": return true;
            case "false" or "no" or "n" or "0": return false;
            default:
                problems.Add($"{column} '{text}' must be yes or no");
                return null;
        }
    }

    private static decimal? Number(Dictionary<string, string?> row, string column, List<string> problems)
    {
        var text = Get(row, column);
        if (text is null) { return null; }
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) { return value; }
        problems.Add($"{column} '{text}' is not a number");
        return null;
    }
}
