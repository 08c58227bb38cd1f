using System.Reflection;
using System.Text.Json;
using ChildStory.Common;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Reads a batch's items from JSON one at a time, so that a null or wrong-typed item is rejected on its own — naming
/// its index and field — and never stops the good ones (README, "Each item stands alone"; issue 15, finding 9).
/// </summary>
public static class EventBatch
{
    /// <summary>One item: the event as sent, or (when it could not be read) what is wrong with which field.</summary>
    public sealed record Item(EventInput? Input, IReadOnlyDictionary<string, string[]>? Unreadable = null, string? IdempotencyKey = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The body <c>{"items": [...]}</c>; anything else is one problem for the whole request.</summary>
    public static Result<IReadOnlyList<Item>> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Error.Invalid("items", $"Send an object {{\"items\": [...]}}, not {Describe(body.ValueKind)}");
        }
        var items = body.EnumerateObject().LastOrDefault(p => string.Equals(p.Name, "items", StringComparison.OrdinalIgnoreCase)).Value;
        if (items.ValueKind != JsonValueKind.Array)
        {
            return Error.Invalid("items", $"items must be an array of events, not {Describe(items.ValueKind)}");
        }
        return items.EnumerateArray().Select(ReadItem).ToList();
    }

    public static Item ReadItem(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new Item(null, Problem("item", $"Each item must be an event object, not {Describe(element.ValueKind)}"));
        }
        try
        {
            return new Item(element.Deserialize<EventInput>(Json));
        }
        catch (JsonException e)
        {
            var field = Field(e.Path);
            var key = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "idempotencyKey", StringComparison.OrdinalIgnoreCase));
            return new Item(null, Problem(field, $"{field} {Expected(field)}"), key.Value.ValueKind == JsonValueKind.String ? key.Value.GetString() : null);
        }
    }

    private static Dictionary<string, string[]> Problem(string field, string message) => new() { [field] = [message] };

    /// <summary>The field a JSON path names: <c>$.subject.nhsNumber</c> → <c>subject.nhsNumber</c>, <c>$.concerns[2]</c> → <c>concerns</c>.</summary>
    private static string Field(string? path)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        field = bracket >= 0 ? field[..bracket] : field;
        return field.Length == 0 ? "item" : field;
    }

    private static string Expected(string field)
    {
        var parts = field.Split('.');
        var type = typeof(EventInput);
        Type? property = null;
        foreach (var part in parts)
        {
            property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            if (property is null)
            {
                break;
            }
            type = property;
        }
        property = property is null ? null : Nullable.GetUnderlyingType(property) ?? property;
        return property switch
        {
            null => "could not be read",
            _ when property == typeof(string) => "must be text (a JSON string)",
            _ when property == typeof(DateTimeOffset) => "must be a date and time as ISO 8601 text with its offset, e.g. \"2026-03-14T21:30:00Z\"",
            _ when property == typeof(bool) => "must be true or false",
            _ when property == typeof(decimal) => "must be a number",
            _ when property == typeof(SubjectInput) => "must be an object describing the person",
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(property) => "must be an array of text values",
            _ => "has the wrong type",
        };
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        _ => "missing",
    };
}
