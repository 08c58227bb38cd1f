using System.Text.Json;
using ChildStory.Features.Education;

namespace ChildStory.Web.Api;

/// <summary>
/// Reads one attendance item of the API's JSON into the CSV's cells, on its own: a null item, or a column holding an
/// object, array or true/false, rejects that line (naming it and the column) and never the batch (issue 15, finding 9).
/// A number is read as its text, as the CSV would have it.
/// </summary>
internal static class AttendanceJson
{
    private static readonly (string Json, string Column)[] Columns =
    [
        ("upn", "upn"), ("periodStart", "period_start"), ("periodEnd", "period_end"),
        ("possibleSessions", "possible_sessions"), ("attendedSessions", "attended_sessions"), ("onRollFrom", "on_roll_from"),
    ];

    public static ImportAttendance.Line Read(JsonElement item, int number)
    {
        var cells = new Dictionary<string, string?>();
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new ImportAttendance.Line(number, cells, new Dictionary<string, string[]>
            {
                ["item"] = [$"Line {number} must be an object with upn, periodStart, periodEnd, possibleSessions and attendedSessions, not {Kind(item.ValueKind)}"],
            });
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (json, column) in Columns)
        {
            var value = item.EnumerateObject().LastOrDefault(p => string.Equals(p.Name, json, StringComparison.OrdinalIgnoreCase)).Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    cells[column] = value.GetString();
                    break;
                case JsonValueKind.Number:
                    cells[column] = value.GetRawText();
                    break;
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    cells[column] = null;
                    break;
                default:
                    errors[column] = [$"{json} must be text, not {Kind(value.ValueKind)}"];
                    break;
            }
        }
        return new ImportAttendance.Line(number, cells, errors.Count > 0 ? errors : null);
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Number => "a number",
        _ => "text",
    };
}
