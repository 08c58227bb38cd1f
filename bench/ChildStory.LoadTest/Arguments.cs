using System.Globalization;

namespace ChildStory.LoadTest;

/// <summary>
/// The <c>--name value</c> pairs after the verb. A hand-rolled parser rather than a package: two verbs with a few
/// options each do not justify another dependency, and unknown or repeated options still fail loudly.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments(Dictionary<string, string> values) => _values = values;

    public static Arguments Parse(ReadOnlySpan<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected an option such as --clients, not '{name}'.");
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value.");
            }
            if (!values.TryAdd(name[2..], args[++i]))
            {
                throw new ArgumentException($"{name} is given twice.");
            }
        }
        return new Arguments(values);
    }

    public string? Text(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public string Required(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required.");

    public long Number(string name, long fallback, long min = 0, long max = long.MaxValue)
    {
        var text = Text(name);
        if (text is null)
        {
            return fallback;
        }
        if (!long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"--{name} must be a whole number from {min:N0} to {max:N0}, not '{text}'.");
        }
        return value;
    }

    public Guid? Id(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        return Guid.TryParse(text, out var id) ? id : throw new ArgumentException($"--{name} must be a GUID, not '{text}'.");
    }

    /// <summary>Fails on options the verb does not know, so a typo (say --client) is not silently ignored.</summary>
    public void EnsureAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("Unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}

internal static class Usage
{
    public const string Text = """
        childstory-loadtest events --connection CS [--total 10000000] [--heavy-child-events 5000] [--heavy CHILD_ID]
                                   [--seed 42] [--chunk 100000]
            Adds synthetic events until "ChronologyEvents" holds --total rows: --heavy-child-events for one child
            (printed as HEAVY_CHILD=<id>) and the rest spread, skewed, over the other children. Binary COPY, then
            VACUUM (ANALYZE).

        childstory-loadtest load --base http://127.0.0.1:5081 --email E --password P --heavy CHILD_ID
                                 [--path "/children/{id}/story"] [--clients 50] [--duration 60] [--warmup 10]
                                 [--connection CS | --ids FILE] [--sample 10000] [--trivial /health] [--seed 7]
                                 [--solo 10] [--think 0]
            Signs in one session per client, then runs --clients clients over other children's pages plus one
            client on the heavy child's page; then the same clients on the trivial endpoint. Prints requests,
            throughput and median/p95/p99 latency of each, measured after the warm-up. First, for --solo seconds,
            the heavy child's page alone (0 skips it). --think: milliseconds each client waits between requests.
        """;
}
