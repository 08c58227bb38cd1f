using System.Diagnostics;
using ChildStory.Domain.Chronology;
using Npgsql;
using NpgsqlTypes;

namespace ChildStory.LoadTest;

internal sealed record EventsOptions(string Connection, long Total, int HeavyChildEvents, Guid? Heavy, int Seed, int Chunk)
{
    public static EventsOptions From(Arguments a)
    {
        var options = new EventsOptions(
            a.Required("connection"),
            a.Number("total", 10_000_000, 1, 1_000_000_000),
            (int)a.Number("heavy-child-events", 5000, 0, 10_000_000),
            a.Id("heavy"),
            (int)a.Number("seed", 42, 0, int.MaxValue),
            (int)a.Number("chunk", 100_000, 1000, 10_000_000));
        a.EnsureAllRead();
        return options;
    }
}

/// <summary>
/// <c>events</c>: tops "ChronologyEvents" up to a county's volume. One child gets exactly the heavy count; the rest
/// are spread log-normally over the other children (most have a few dozen, some hundreds, none more than the
/// heavy child), with random agencies and types over the last 15 years. Rows go in shuffled across children, as
/// intake writes them, so one child's events are scattered over the heap as in production rather than packed on a
/// few pages, which would flatter the story page. Binary COPY, as <c>EventWriter</c> does, because EF's INSERTs
/// would take hours at this volume.
/// </summary>
internal static class EventsCommand
{
    private static readonly TimeSpan History = TimeSpan.FromDays(365.25 * 15);

    public static async Task<int> RunAsync(EventsOptions options, CancellationToken ct)
    {
        var random = new Random(options.Seed);
        await using var source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.Connection) { CommandTimeout = 0 }.ConnectionString);
        await using var connection = await source.OpenConnectionAsync(ct);

        var columns = await EventColumns.ForTableAsync(connection, ct);
        var children = await ReadChildrenAsync(connection, ct);
        var agencies = await ReadIdsAsync(connection, "SELECT \"Id\" FROM \"Agencies\" ORDER BY \"Id\"", ct);
        if (children.Count < 2 || agencies.Count == 0)
        {
            Console.Error.WriteLine($"Found {children.Count:N0} children and {agencies.Count:N0} agencies: run `childstory demo --no-serve` against this database first.");
            return 1;
        }
        var existing = await ScalarAsync<long>(connection, "SELECT count(*) FROM \"ChronologyEvents\"", ct);
        var heavy = options.Heavy is { } wanted
            ? children.FindIndex(c => c.Id == wanted) is var found and >= 0 ? found : throw new ArgumentException($"--heavy {wanted} is not a child in this database.")
            : PickHeavy(children, random);
        var heavyExisting = await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"ChronologyEvents\" WHERE \"ChildId\" = '{children[heavy].Id}'", ct);
        var heavyTopUp = (int)Math.Max(0, options.HeavyChildEvents - heavyExisting);
        var toAdd = options.Total - existing;
        Console.WriteLine($"Database holds {children.Count:N0} children, {agencies.Count:N0} agencies and {existing:N0} events; target {options.Total:N0}.");
        Console.WriteLine($"HEAVY_CHILD={children[heavy].Id}");
        Console.WriteLine($"Heavy child {children[heavy].Id} ({children[heavy].GivenName} {children[heavy].FamilyName}, born {children[heavy].DateOfBirth:yyyy-MM-dd}) has {heavyExisting:N0} events; adding {heavyTopUp:N0}.");
        if (toAdd < heavyTopUp)
        {
            Console.Error.WriteLine($"--total {options.Total:N0} leaves room for {Math.Max(0, toAdd):N0} new events, fewer than the heavy child needs ({heavyTopUp:N0}).");
            return 1;
        }
        if (toAdd > int.MaxValue)
        {
            Console.Error.WriteLine("At most 2,147,483,647 events can be added in one run.");
            return 1;
        }
        Console.WriteLine($"Columns written: {columns.Names.Count} ({string.Join(", ", columns.Skipped.Select(s => s + " left to its default"))})".Replace(" ()", "", StringComparison.Ordinal));

        var counts = Spread(children.Count, heavy, heavyTopUp, toAdd - heavyTopUp, random);
        var order = Schedule(counts, (int)toAdd, random);
        counts = null;

        var rows = new EventFactory(random, agencies, TimeProvider.System.GetUtcNow(), Guid.NewGuid().ToString("N")[..8]);
        var copy = columns.CopyCommand();
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (done < order.Length)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(order.Length, done + options.Chunk);
            await using (var importer = await connection.BeginBinaryImportAsync(copy, ct))
            {
                for (var i = done; i < end; i++)
                {
                    var row = rows.Next(children[order[i]]);
                    importer.StartRow();
                    foreach (var write in columns.Writers)
                    {
                        write(importer, row);
                    }
                }
                await importer.CompleteAsync(ct);
            }
            done = end;
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var eta = TimeSpan.FromSeconds((order.Length - done) / Math.Max(rate, 1));
            Console.WriteLine($"  {done,13:N0} / {order.Length:N0} rows  {rate,9:N0} rows/s  elapsed {clock.Elapsed:mm\\:ss}  left ~{eta:mm\\:ss}");
        }
        var copySeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"Copied {order.Length:N0} events in {copySeconds:N1} s: {order.Length / Math.Max(copySeconds, 0.001):N0} rows/s.");

        // Production tables are vacuumed and analysed by autovacuum long before anyone reads them; doing it now keeps
        // the load test from measuring hint-bit writes and a planner working from pre-load statistics.
        clock.Restart();
        await ExecuteAsync(connection, "VACUUM (ANALYZE) \"ChronologyEvents\"", ct);
        Console.WriteLine($"VACUUM (ANALYZE) took {clock.Elapsed.TotalSeconds:N1} s.");
        await ReportAsync(connection, children[heavy].Id, ct);
        return 0;
    }

    /// <summary>A teenager, when there is one: a story of thousands of events over 15 years belongs to an adolescent.</summary>
    private static int PickHeavy(List<ChildRow> children, Random random)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var teenagers = Enumerable.Range(0, children.Count)
            .Where(i => children[i].DateOfBirth is { } dob && dob <= today.AddYears(-13) && dob > today.AddYears(-17)).ToList();
        return teenagers.Count > 0 ? teenagers[random.Next(teenagers.Count)] : random.Next(children.Count);
    }

    /// <summary>
    /// How many events each child gets: log-normal weights (σ 1.5: the median child a third of the mean, the top
    /// tenth several times it), capped at 30 times the mean so no other child rivals the heavy one.
    /// </summary>
    private static int[] Spread(int childCount, int heavy, int heavyCount, long others, Random random)
    {
        var weights = new double[childCount];
        double sum = 0;
        for (var i = 0; i < childCount; i++)
        {
            if (i == heavy)
            {
                continue;
            }
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            weights[i] = Math.Exp(1.5 * z);
            sum += weights[i];
        }
        var cap = 30 * sum / (childCount - 1);
        sum = 0;
        for (var i = 0; i < childCount; i++)
        {
            weights[i] = Math.Min(weights[i], cap);
            sum += weights[i];
        }
        var counts = new int[childCount];
        long given = 0;
        for (var i = 0; i < childCount; i++)
        {
            counts[i] = (int)(weights[i] / sum * others);
            given += counts[i];
        }
        while (given < others)
        {
            var i = random.Next(childCount);
            if (i != heavy)
            {
                counts[i]++;
                given++;
            }
        }
        counts[heavy] = heavyCount;
        var sorted = counts.Where((_, i) => i != heavy).Order().ToArray();
        Console.WriteLine($"New events per other child: median {sorted[sorted.Length / 2]:N0}, p90 {sorted[(int)(sorted.Length * 0.9)]:N0}, " +
            $"p99 {sorted[(int)(sorted.Length * 0.99)]:N0}, max {sorted[^1]:N0}; heavy child {heavyCount:N0}.");
        return counts;
    }

    /// <summary>Every child index repeated by its count, shuffled (Fisher–Yates): the order rows are written in.</summary>
    private static int[] Schedule(int[] counts, int total, Random random)
    {
        var order = new int[total];
        var at = 0;
        for (var child = 0; child < counts.Length; child++)
        {
            order.AsSpan(at, counts[child]).Fill(child);
            at += counts[child];
        }
        for (var i = total - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static async Task<List<ChildRow>> ReadChildrenAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var children = new List<ChildRow>();
        await using var command = new NpgsqlCommand(
            "SELECT \"Id\", \"GivenName\", \"FamilyName\", \"DateOfBirth\", \"Gender\", \"NhsNumber\", \"Upn\" FROM \"People\" " +
            "WHERE \"IsChild\" AND \"MergedIntoId\" IS NULL ORDER BY \"Id\"", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            children.Add(new ChildRow(reader.GetGuid(0), Text(1), Text(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3), Text(4), Text(5), Text(6)));
        }
        return children;
    }

    private static async Task<List<Guid>> ReadIdsAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ReportAsync(NpgsqlConnection connection, Guid heavy, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM \"ChronologyEvents\"), (SELECT count(*) FROM \"ChronologyEvents\" WHERE \"ChildId\" = @heavy), " +
            "pg_size_pretty(pg_total_relation_size('\"ChronologyEvents\"')), " +
            "(SELECT percentile_disc(ARRAY[0.5, 0.9, 0.99, 1.0]) WITHIN GROUP (ORDER BY n) FROM " +
            "(SELECT count(*) AS n FROM \"ChronologyEvents\" WHERE \"ChildId\" IS NOT NULL GROUP BY \"ChildId\") per_child)", connection);
        command.Parameters.AddWithValue("heavy", heavy);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var spread = reader.GetFieldValue<long[]>(3);
        Console.WriteLine($"\"ChronologyEvents\" now holds {reader.GetInt64(0):N0} events ({reader.GetString(2)} with indexes); heavy child {heavy} has {reader.GetInt64(1):N0}.");
        Console.WriteLine($"Events per child with any: median {spread[0]:N0}, p90 {spread[1]:N0}, p99 {spread[2]:N0}, max {spread[3]:N0}.");
    }
}

/// <summary>A child as the generator needs it: the subject the events describe, and its key, worked out once.</summary>
internal sealed record ChildRow(Guid Id, string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Sex, string? NhsNumber, string? Upn)
{
    public string SubjectKey { get; } = SubjectKeys.For(new EventSubject(GivenName, FamilyName, DateOfBirth, Sex, null, NhsNumber, Upn, null));

    public string LinkBasis { get; } = (NhsNumber is not null ? Domain.Chronology.LinkBasis.NhsNumber
        : Upn is not null ? Domain.Chronology.LinkBasis.Upn : Domain.Chronology.LinkBasis.AgencyReference).ToString();
}
