using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Chronology;
using ChildStory.Identifiers;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChildStory.Benchmarks;

/// <summary>
/// A 5,000-event batch through the real intake (validation, idempotency look-up, linking by NHS number, chunked
/// transactions) against a binary COPY of the same number of rows into the same table: the floor PostgreSQL sets.
/// Needs CHILDSTORY_BENCH_POSTGRES (./scripts/bench-intake.sh starts a throwaway cluster and sets it).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10)]
[MemoryDiagnoser]
public class IntakeBenchmarks
{
    private string _admin = "";
    private DatabaseSettings _settings = null!;
    private Guid _agencyId;
    private List<string> _nhsNumbers = [];
    private List<EventInput> _batch = [];
    private int _round;

    [Params(5_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _admin = Environment.GetEnvironmentVariable("CHILDSTORY_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("Set CHILDSTORY_BENCH_POSTGRES, or run ./scripts/bench-intake.sh");
        var name = "cs_bench_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(_admin))
        {
            connection.Open();
            new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection).ExecuteNonQuery();
        }
        _settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(_admin) { Database = name }.ConnectionString);
        using var db = Context();
        db.Database.Migrate();
        var agency = new Agency(Guid.NewGuid(), "POL", "Westmere Constabulary", AgencyKind.Police);
        db.Agencies.Add(agency);
        _agencyId = agency.Id;
        for (var n = 999_000_000; _nhsNumbers.Count < 1_000; n++)
        {
            var nine = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (NhsNumber.CheckDigit(nine) is not { } check) { continue; }
            var child = new Person(Guid.NewGuid(), "Child", $"Number{n}", new DateOnly(2012, 1, 1), Gender.NotKnown, isChild: true);
            child.SetNhsNumber(nine + check);
            db.People.Add(child);
            _nhsNumbers.Add(nine + check);
        }
        db.SaveChanges();
    }

    [IterationSetup]
    public void NextBatch()
    {
        _round++;
        _batch = Enumerable.Range(0, Events).Select(i => new EventInput(
            $"r{_round}-{i}", "PoliceIncident", new DateTimeOffset(2026, 10, 1, 21, 0, 0, TimeSpan.Zero), null, "PC Hart",
            "Domestic incident at the home address; child present", null, true, "Verified", null, null,
            new SubjectInput(null, null, null, null, null, _nhsNumbers[i % _nhsNumbers.Count], null, null), ChildPresent: true, DomesticAbuse: true)).ToList();
    }

    [Benchmark]
    public async Task<int> Intake()
    {
        await using var db = Context();
        var actor = new Actor(ActorKind.ApiClient, Guid.NewGuid(), "bench", null, _agencyId, null, new HashSet<string>());
        var result = await new SubmitEvents(db, new LinkEvents(db)).RunAsync(actor, _batch);
        return result.Value.Created;
    }

    [Benchmark(Baseline = true)]
    public async Task<ulong> Copy()
    {
        await using var connection = new NpgsqlConnection(_settings.ConnectionString);
        await connection.OpenAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY \"ChronologyEvents\" (\"Id\", \"AgencyId\", \"IdempotencyKey\", \"Type\", \"OccurredAt\", \"RecordedAt\", \"ReceivedAt\", \"Author\", \"Summary\", " +
            "\"Significant\", \"Verification\", \"Sensitivity\", \"Facts_ChildPresent\", \"Facts_DomesticAbuse\", \"Subject_NhsNumber\") FROM STDIN (FORMAT BINARY)");
        var now = DateTimeOffset.UtcNow;
        foreach (var e in _batch)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(_agencyId, NpgsqlDbType.Uuid);
            await writer.WriteAsync("copy-" + e.IdempotencyKey, NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.Type!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.OccurredAt!.Value, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(e.Author!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(e.Summary!, NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync("Verified", NpgsqlDbType.Varchar);
            await writer.WriteAsync("None", NpgsqlDbType.Varchar);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(true, NpgsqlDbType.Boolean);
            await writer.WriteAsync(e.Subject!.NhsNumber!, NpgsqlDbType.Varchar);
        }
        return await writer.CompleteAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(_settings.ConnectionString).Database}\" WITH (FORCE)", connection).ExecuteNonQuery();
    }

    private ChildStoryDbContext Context()
    {
        var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
        DatabaseSetup.Configure(options, _settings);
        return new ChildStoryDbContext(options.Options);
    }
}
