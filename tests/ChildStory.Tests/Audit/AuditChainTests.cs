using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildStory.Tests.Audit;

/// <summary>Each test gets a database of its own: some of them tamper with the log on purpose.</summary>
public abstract class AuditChainTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "childstory-audit-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task AppendAsync(int count, string action = AuditActions.ChildViewed)
    {
        await using var db = _db.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.Audit(action, Guid.NewGuid(), detail: $"{{\"n\":{i}}}");
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Entries_are_numbered_in_order_and_each_names_the_hash_before_it()
    {
        await AppendAsync(5);
        await using var db = _db.CreateContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
            Assert.Equal(entries[i].ComputeHash(), entries[i].Hash);
        }
    }

    [Fact]
    public async Task Concurrent_writers_make_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await AppendAsync(2);
            }
        })));
        await using var db = _db.CreateContext();
        var report = await Verifier(db).RunAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(await db.AuditEntries.CountAsync(), report.EntriesChecked);
    }

    [Fact]
    public async Task Writers_inside_their_own_transactions_and_writers_outside_make_one_unbroken_chain()
    {
        // Intake commits each chunk of events with its audit entry in one transaction (issue 15, finding 10): such
        // writers cannot take the process lock, so they must not lose a race for a sequence number either.
        var inTransactions = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await using var db = _db.CreateContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Audit(AuditActions.EventsSubmitted, detail: "{}");
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        }));
        var outside = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await AppendAsync(1);
            }
        }));
        await Task.WhenAll(inTransactions.Concat(outside));

        await using var check = _db.CreateContext();
        var report = await Verifier(check).RunAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(60, report.EntriesChecked);
    }

    [Fact]
    public async Task Audit_checkpoint_and_verify_on_the_command_line_report_a_log_emptied_behind_the_applications_back()
    {
        await AppendAsync(6);
        var (written, writtenOutput) = await RunCliAsync(Files, "audit", "checkpoint");
        Assert.True(written == 0, writtenOutput);
        Assert.Contains("Checkpoint written: 6 entries", writtenOutput);
        var (intact, intactOutput) = await RunCliAsync(Files, "audit", "verify");
        Assert.True(intact == 0, intactOutput);
        Assert.Contains("Audit chain intact: 6 entries verified against 2 signed checkpoints", intactOutput);

        await new Attacker(_db).DeleteEverythingAsync();

        var (code, output) = await RunCliAsync(Files, "audit", "verify");
        Assert.Equal(1, code);
        Assert.Contains("AUDIT CHAIN BROKEN at entry 1: The audit log is empty, but the checkpoint of", output);
        Assert.Contains("the log has been deleted", output);
        var (refused, refusedOutput) = await RunCliAsync(Files, "audit", "checkpoint");
        Assert.Equal(1, refused);
        Assert.Contains("CHECKPOINT REFUSED", refusedOutput);
    }

    private Dictionary<string, string> Files => new()
    {
        ["Audit__CheckpointKeyFile"] = Path.Combine(_folder, "checkpoint.key"),
        ["Audit__CheckpointFile"] = Path.Combine(_folder, "audit.checkpoints"),
    };

    private VerifyAuditChain Verifier(ChildStoryDbContext db)
    {
        var options = Options.Create(new AuditOptions { CheckpointKeyFile = Files["Audit__CheckpointKeyFile"], CheckpointFile = Files["Audit__CheckpointFile"] });
        return new VerifyAuditChain(db, new CheckpointEvidence(db, new CheckpointKeys(options, _db.Settings, NullLogger<CheckpointKeys>.Instance), new CheckpointFile(options, _db.Settings)));
    }

    [Fact]
    public async Task Entity_Framework_refuses_to_change_or_delete_an_entry()
    {
        await AppendAsync(1);
        await using var db = _db.CreateContext();
        var entry = await db.AuditEntries.FirstAsync();
        db.Entry(entry).Property(e => e.Detail).CurrentValue = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_database_refuses_updates_and_deletes_of_the_log()
    {
        await AppendAsync(1);
        await using var db = _db.CreateContext();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Detail\" = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
    }

    [Fact]
    public async Task Audit_verify_names_the_first_entry_edited_behind_the_applications_back()
    {
        await AppendAsync(6);
        var (intactCode, intactOutput) = await RunCliAsync("audit", "verify");
        Assert.True(intactCode == 0, intactOutput);
        Assert.Contains("Audit chain intact", intactOutput);

        await using (var db = _db.CreateContext())
        {
            var victim = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(3).Select(e => e.Sequence).FirstAsync();
            // Somebody with database rights switches the guard off and rewrites history.
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER \"AuditEntries_no_update\""
                : "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_no_update_or_delete\"");
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Reason\" = 'nothing to see' WHERE \"Sequence\" = {victim}");

            var (code, output) = await RunCliAsync("audit", "verify");
            Assert.Equal(1, code);
            Assert.Contains($"AUDIT CHAIN BROKEN at entry {victim}", output);
            Assert.Contains("altered", output);
        }
    }

    private Task<(int Code, string Output)> RunCliAsync(params string[] args) => CliProcess.RunAsync(_db.Settings, args);

    private Task<(int Code, string Output)> RunCliAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliProcess.RunAsync(_db.Settings, environment, args);
}

public sealed class AuditChainOnSqlite() : AuditChainTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AuditChainOnPostgres() : AuditChainTests(DatabaseProvider.Postgres);
