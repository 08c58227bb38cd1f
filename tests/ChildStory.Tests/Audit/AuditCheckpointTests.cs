using System.Security.Cryptography;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildStory.Tests.Audit;

/// <summary>
/// Issue 15, finding 5: deleting the newest entries, or all of them, or editing one and recomputing every later hash
/// verified as intact. Each test gets a database and a key and checkpoint file of its own (in a temporary folder,
/// standing for storage the attacker cannot reach).
/// </summary>
public abstract class AuditCheckpointTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Attacker _attacker = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "childstory-audit-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _attacker = new Attacker(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private AuditOptions Options => new()
    {
        CheckpointKeyFile = Path.Combine(_folder, "checkpoint.key"),
        CheckpointFile = Path.Combine(_folder, "audit.checkpoints"),
    };

    private async Task<VerifyAuditChain.Report> VerifyAsync()
    {
        await using var db = _db.CreateContext();
        return await Verifier(db).RunAsync();
    }

    private async Task<WriteCheckpoint.Outcome> CheckpointAsync(bool evenIfUnchanged = false)
    {
        await using var db = _db.CreateContext();
        var (keys, file) = KeysAndFile();
        var evidence = new CheckpointEvidence(db, keys, file);
        return await new WriteCheckpoint(db, evidence, new VerifyAuditChain(db, evidence), keys, file, NullLogger<WriteCheckpoint>.Instance).RunAsync(evenIfUnchanged);
    }

    private VerifyAuditChain Verifier(ChildStoryDbContext db)
    {
        var (keys, file) = KeysAndFile();
        return new VerifyAuditChain(db, new CheckpointEvidence(db, keys, file));
    }

    private (CheckpointKeys Keys, CheckpointFile File) KeysAndFile()
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        return (new CheckpointKeys(options, _db.Settings, NullLogger<CheckpointKeys>.Instance), new CheckpointFile(options, _db.Settings));
    }

    private async Task AppendAsync(int count)
    {
        await using var db = _db.CreateContext();
        for (var i = 0; i < count; i++)
        {
            db.Audit(AuditActions.ChildViewed, Guid.NewGuid(), detail: $"{{\"n\":{i}}}");
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_intact_log_verifies_against_its_checkpoints_in_the_database_and_the_file()
    {
        await AppendAsync(5);
        Assert.Equal(5, (await CheckpointAsync()).Checkpoint!.Sequence);
        await AppendAsync(3);
        Assert.Equal(8, (await CheckpointAsync()).Checkpoint!.Sequence);
        await AppendAsync(2);

        var report = await VerifyAsync();
        Assert.True(report.Intact, report.Problem);
        Assert.Equal(10, report.EntriesChecked);
        Assert.Equal(4, report.CheckpointsChecked); // two in the table, two in the file
        Assert.Equal(8, report.NewestCheckpoint!.Sequence);
        Assert.Equal(2, File.ReadAllLines(Options.CheckpointFile!).Length);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_is_detected()
    {
        await AppendAsync(8);
        await CheckpointAsync();
        await _attacker.DeleteNewestAsync(keep: 5);

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(6, report.FirstBadSequence);
        Assert.Contains("The log ends at entry 5", report.Problem);
        Assert.Contains("the newest entries have been deleted", report.Problem);
    }

    [Fact]
    public async Task Deleting_every_entry_and_every_checkpoint_is_detected_by_the_checkpoint_file()
    {
        await AppendAsync(4);
        await CheckpointAsync();
        await _attacker.DeleteEverythingAsync();

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Contains("The audit log is empty", report.Problem);
        Assert.Contains("in the checkpoint file", report.Problem);
        Assert.Contains("the log has been deleted", report.Problem);
    }

    [Fact]
    public async Task Editing_an_entry_and_recomputing_every_later_hash_is_detected_by_the_checkpoint()
    {
        await AppendAsync(10);
        await CheckpointAsync();
        await _attacker.RewriteAsync(sequence: 4, reason: "nothing to see");

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Equal(10, report.FirstBadSequence);
        Assert.Contains("Entry 10 is not the entry the checkpoint of", report.Problem);
        Assert.Contains("rewritten", report.Problem);
    }

    [Fact]
    public async Task A_checkpoint_forged_without_the_key_is_detected()
    {
        await AppendAsync(6);
        var genuine = (await CheckpointAsync()).Checkpoint!;
        // The attacker copies a genuine checkpoint's key id but must guess the key to sign a longer count.
        var guess = RandomNumberGenerator.GetBytes(32);
        var text = AuditCheckpoint.SignedText(3, genuine.Hash, genuine.At, genuine.KeyId);
        var mac = Convert.ToHexStringLower(HMACSHA256.HashData(guess, System.Text.Encoding.UTF8.GetBytes(text)));
        await _attacker.InsertAsync(new AuditCheckpoint(3, genuine.Hash, genuine.At, genuine.KeyId, mac));

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Contains("does not carry a valid signature", report.Problem);
        Assert.Contains("in the database", report.Problem);
    }

    [Fact]
    public async Task Checkpoints_deleted_from_the_database_are_still_found_in_the_file()
    {
        await AppendAsync(3);
        await CheckpointAsync();
        await _attacker.DeleteCheckpointsAsync();

        var report = await VerifyAsync();
        Assert.False(report.Intact);
        Assert.Contains("is in the checkpoint file but no longer in the database", report.Problem);
    }

    [Fact]
    public async Task The_job_refuses_to_sign_a_log_shortened_since_its_newest_checkpoint()
    {
        await AppendAsync(6);
        await CheckpointAsync();
        await _attacker.DeleteNewestAsync(keep: 4);
        await AppendAsync(1); // the app carries on writing after the deletion

        var outcome = await CheckpointAsync();
        Assert.True(outcome.Refused);
        Assert.Contains("Entry 6, the last one the checkpoint of", outcome.Problem);
        Assert.Single(File.ReadAllLines(Options.CheckpointFile!));
    }

    [Fact]
    public async Task The_job_signs_only_when_the_log_has_grown_and_on_demand_always()
    {
        Assert.Equal("The audit log is empty: there is nothing to sign yet", (await CheckpointAsync()).Note);
        await AppendAsync(2);
        var first = (await CheckpointAsync()).Checkpoint!;
        var again = await CheckpointAsync();
        Assert.Equal(first.Mac, again.Checkpoint!.Mac);
        Assert.NotNull(again.Note);
        Assert.NotEqual(first.Mac, (await CheckpointAsync(evenIfUnchanged: true)).Checkpoint!.Mac);
        await using var db = _db.CreateContext();
        Assert.Equal(2, await db.AuditCheckpoints.CountAsync());
    }

    [Fact]
    public async Task A_generated_key_and_the_checkpoint_file_are_readable_by_their_owner_only()
    {
        await AppendAsync(1);
        await CheckpointAsync();
        var key = File.ReadAllText(Options.CheckpointKeyFile!);
        Assert.True(Convert.FromBase64String(key).Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Options.CheckpointKeyFile!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Options.CheckpointFile!));
        }
        // Nothing of the key reaches the database: only its fingerprint.
        await using var db = _db.CreateContext();
        var stored = await db.AuditCheckpoints.SingleAsync();
        Assert.DoesNotContain(key, stored.KeyId + stored.Mac);
    }

    [Fact]
    public async Task A_rotated_key_keeps_verifying_the_checkpoints_it_signed_when_it_is_listed_as_retired()
    {
        await AppendAsync(2);
        await CheckpointAsync();
        var old = File.ReadAllText(Options.CheckpointKeyFile!);
        File.Move(Options.CheckpointKeyFile!, Options.CheckpointKeyFile + ".old");

        // A new key (generated on the next checkpoint) without the old one: the old checkpoints cannot be trusted.
        await AppendAsync(1);
        Assert.Contains("signed with a key this installation does not hold", (await CheckpointAsync()).Problem);

        var rotated = Options;
        rotated.RetiredCheckpointKeys = [old];
        await using var db = _db.CreateContext();
        var options = Microsoft.Extensions.Options.Options.Create(rotated);
        var verify = new VerifyAuditChain(db, new CheckpointEvidence(db,
            new CheckpointKeys(options, _db.Settings, NullLogger<CheckpointKeys>.Instance), new CheckpointFile(options, _db.Settings)));
        var report = await verify.RunAsync();
        Assert.True(report.Intact, report.Problem);
    }
}

public sealed class AuditCheckpointsOnSqlite() : AuditCheckpointTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class AuditCheckpointsOnPostgres() : AuditCheckpointTests(DatabaseProvider.Postgres);
