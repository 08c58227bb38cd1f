using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ChildStory.Tests.Fuzz;

/// <summary>
/// Malformed input from one seeded <see cref="Random"/>: form values, route values, JSON values and whole bodies —
/// empty, oversized, wrong types, impossible dates, huge numbers, markup and formulas, control characters, invalid
/// UTF-8, deep nesting, arrays for objects — mixed with real ids and valid values so that requests reach deep code.
/// </summary>
internal sealed class Garbage(Random random, IReadOnlyList<Guid> realIds)
{
    private static readonly string[] EnumNames = typeof(ChildStory.Domain.Casework.Plan).Assembly.GetTypes()
        .Where(t => t.IsEnum && t.IsPublic).SelectMany(Enum.GetNames).Distinct().Order(StringComparer.Ordinal).ToArray();

    private static readonly string[] Texts =
    [
        "", " ", "\t", "\r\n", "0", "-1", "1", "2147483648", "-9223372036854775809", "99999999999999999999999999999999", "1e309", "NaN", "-0", "0.5",
        "31/02/2026", "0/0/0", "1/1/0001", "31/12/9999", "29/2/2027", "2026-13-45", "16/11/2026", "2026-11-16", "2026-11-16T10:00:00Z", "yesterday",
        "true", "false", "on", "yes", "null", "undefined", "[]", "{}", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "'; DROP TABLE \"People\"; --",
        "Zoë Ní Bhriain 😀", "\u202Eevil", "\0", "\uD800", "../../etc/passwd", "%00", "p:", "a:", "00000000-0000-0000-0000-000000000000",
        "A123456789012", "9990000018", "WM1 4AB", "Amelia", "12:00", "25:61",
    ];

    public int Next(int max) => random.Next(max);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Huge() => new(Pick(new[] { 'x', 'é', '9', '<' }), Pick(new[] { 1_001, 8_001, 70_000 }));

    public Guid Id() => Chance(0.75) && realIds.Count > 0 ? Pick(realIds) : Guid.NewGuid();

    public string FormValue() => random.Next(10) switch
    {
        0 => Huge(),
        1 or 2 => Id().ToString(),
        3 => (Chance(0.5) ? "p:" : "a:") + Id(),
        4 => Pick(EnumNames),
        _ => Pick(Texts),
    };

    /// <summary>A form value, at most 3,000 characters (a URL's length is limited before the app sees it).</summary>
    public string QueryValue()
    {
        var value = FormValue();
        return value.Length > 3_000 ? value[..3_000] : value;
    }

    public string RouteValue(RoutePatternParameterPart parameter)
    {
        var policies = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (policies.Contains("guid") && Chance(0.85))
        {
            return Id().ToString();
        }
        if (policies.Contains("int") && Chance(0.85))
        {
            return Pick(new[] { "0", "1", "-1", "2147483647", "99" });
        }
        return Chance(0.3) ? Pick(EnumNames) : Pick(new[] { "not-a-guid", "%2e%2e", "x" + new string('y', 2_000), "%01", "..%2f..", "%E2%80%AE", "-1", Id().ToString() });
    }

    /// <summary>The URL for a route pattern: real or random ids for guid parameters, odd values elsewhere; optional parts sometimes left out.</summary>
    public string Url(RoutePattern pattern)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsOptional: true } when Chance(0.3) => "",
                    RoutePatternParameterPart parameter => Escape(RouteValue(parameter)),
                    _ => "",
                });
            }
            if (text.Length > 0)
            {
                url.Append('/').Append(text);
            }
        }
        return url.Length == 0 ? "/" : url.ToString();
    }

    private static string Escape(string value) => value.Contains('%', StringComparison.Ordinal) ? value : Uri.EscapeDataString(value);

    public JsonNode? JsonValue(int depth = 0) => random.Next(depth > 2 ? 9 : 12) switch
    {
        0 => null,
        1 => JsonValueOf(Chance(0.5)),
        2 => JsonNode.Parse(Pick(new[] { "0", "-1", "1e308", "123456789012345678901234567890", "0.000000000000000000001", "-2147483649" })),
        3 => JsonValueOf(Huge()),
        4 => JsonValueOf(Id().ToString()),
        5 => JsonValueOf(Pick(EnumNames)),
        6 => JsonValueOf(Pick(new[] { "2026-11-10T09:00:00Z", "2026-11-10", "10/11/2026", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00Z" })),
        7 or 8 => JsonValueOf(Pick(Texts)),
        9 => new JsonArray(Enumerable.Range(0, random.Next(3)).Select(_ => JsonValue(depth + 1)).ToArray()),
        10 => new JsonObject { ["x"] = JsonValue(depth + 1), ["items"] = JsonValue(depth + 1) },
        _ => new JsonArray(JsonValue(depth + 1)),
    };

    private static JsonNode JsonValueOf<T>(T value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;

    /// <summary>A template with one to three fields replaced by garbage, removed, or the whole of an item replaced.</summary>
    public JsonNode Mutate(JsonNode template)
    {
        var copy = template.DeepClone();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var objects = Objects(copy).ToList();
            var target = Pick(objects);
            var names = target.Select(p => p.Key).ToList();
            if (names.Count == 0)
            {
                continue;
            }
            var name = Pick(names);
            if (Chance(0.2))
            {
                target.Remove(name);
            }
            else
            {
                target[name] = JsonValue();
            }
        }
        if (copy is JsonObject { } root && root["items"] is JsonArray items && items.Count > 0 && Chance(0.3))
        {
            items[random.Next(items.Count)] = JsonValue();
        }
        return copy;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var child in o.Select(p => p.Value).ToList().SelectMany(Objects))
                {
                    yield return child;
                }
                break;
            case JsonArray a:
                foreach (var child in a.ToList().SelectMany(Objects))
                {
                    yield return child;
                }
                break;
        }
    }

    /// <summary>A body that is broken as a whole: empty, truncated, not JSON, invalid UTF-8, too deep, too many items, the wrong shape.</summary>
    public byte[] BrokenBody() => random.Next(12) switch
    {
        0 => [],
        1 => "null"u8.ToArray(),
        2 => "[]"u8.ToArray(),
        3 => "{\"items\":["u8.ToArray(),
        4 => [0xFF, 0xFE, 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D],
        5 => Encoding.UTF8.GetBytes(new string('[', 5_000) + new string(']', 5_000)),
        6 => Encoding.UTF8.GetBytes("{\"items\":" + new string('[', 200) + new string(']', 200) + "}"),
        7 => Encoding.UTF8.GetBytes("{\"items\":[" + string.Join(",", Enumerable.Repeat("null", 20_001)) + "]}"),
        8 => "{\"items\":1e999}"u8.ToArray(),
        9 => Encoding.UTF8.GetBytes("{\"items\":\"" + Huge() + "\"}"),
        10 => "{\"items\":[{\"a\":1,\"a\":2,\"idempotencyKey\":{}}],\"items\":[[]]}"u8.ToArray(),
        _ => Encoding.UTF8.GetBytes(Pick(Texts)),
    };

    public MediaTypeHeaderValue? ContentType() => random.Next(14) switch
    {
        0 => null,
        1 => new MediaTypeHeaderValue("text/plain"),
        2 => new MediaTypeHeaderValue("application/xml"),
        3 => new MediaTypeHeaderValue("application/x-www-form-urlencoded"),
        4 => MediaTypeHeaderValue.Parse("application/json; charset=utf-16"),
        5 => MediaTypeHeaderValue.Parse("application/json; charset=utf-999"),
        6 => new MediaTypeHeaderValue("application/problem+json"),
        7 => MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x"),
        _ => new MediaTypeHeaderValue("application/json"),
    };
}
