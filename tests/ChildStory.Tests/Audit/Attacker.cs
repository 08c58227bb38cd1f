using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Audit;

/// <summary>
/// Somebody with full write access to the database — but neither the checkpoint key nor the checkpoint file — doing
/// what the independent probe did (issue 15, finding 5): switch the append-only guards off, then shorten or rewrite
/// the log and cover their tracks as well as the database allows.
/// </summary>
internal sealed class Attacker(TestDatabase database)
{
    private bool Sqlite => database.Settings.Provider == DatabaseProvider.Sqlite;

    public async Task SwitchOffGuardsAsync()
    {
        await using var db = database.CreateContext();
        if (Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEntries_no_update\"");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEntries_no_delete\"");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_update\"");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_delete\"");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER");
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditCheckpoints\" DISABLE TRIGGER USER");
        }
    }

    /// <summary>Deletes every entry after <paramref name="keep"/>, and every checkpoint that counted them.</summary>
    public async Task DeleteNewestAsync(long keep)
    {
        await SwitchOffGuardsAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" > {keep}");
        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditCheckpoints\" WHERE \"Sequence\" > {keep}");
    }

    public async Task DeleteEverythingAsync()
    {
        await SwitchOffGuardsAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditCheckpoints\"");
    }

    public async Task DeleteCheckpointsAsync()
    {
        await SwitchOffGuardsAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditCheckpoints\"");
    }

    /// <summary>Edits one entry's reason, then recomputes its hash and every later entry's, so that the chain alone verifies.</summary>
    public async Task RewriteAsync(long sequence, string reason)
    {
        await SwitchOffGuardsAsync();
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Reason\" = {reason} WHERE \"Sequence\" = {sequence}");
        var previous = await db.AuditEntries.Where(e => e.Sequence == sequence - 1).Select(e => e.Hash).SingleOrDefaultAsync() ?? AuditEntry.GenesisHash;
        foreach (var entry in await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= sequence).OrderBy(e => e.Sequence).ToListAsync())
        {
            entry.Chain(entry.Sequence, previous);
            previous = entry.Hash;
            await db.Database.ExecuteSqlAsync(
                $"UPDATE \"AuditEntries\" SET \"PreviousHash\" = {entry.PreviousHash}, \"Hash\" = {entry.Hash} WHERE \"Sequence\" = {entry.Sequence}");
        }
    }

    public async Task InsertAsync(AuditCheckpoint forged)
    {
        await using var db = database.CreateContext();
        db.AuditCheckpoints.Add(forged);
        await db.SaveChangesAsync();
    }
}
