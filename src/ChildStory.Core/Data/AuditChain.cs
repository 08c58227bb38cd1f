using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Data;

/// <summary>
/// Writes new audit entries as links of one hash chain. Within a process a lock orders writers; across processes
/// the sequence number is unique, so two writers that read the same tail cannot both commit: the loser's save fails
/// whole and it chains again from the new tail.
/// </summary>
internal static class AuditChain
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Sequence, string Hash)> Tails = new();
    private const int Attempts = 5;
    /// <summary>A transaction-scoped PostgreSQL advisory lock; its number is arbitrary ("CSAUDIT" in ASCII), one for the whole database.</summary>
    private const string TakeTransactionLock = "SELECT pg_advisory_xact_lock(18950363508132180)";

    private static async Task<(long Sequence, string Hash)> ReadTailAsync(ChildStoryDbContext db, CancellationToken ct)
    {
        var stored = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        return stored is null ? (0, AuditEntry.GenesisHash) : (stored.Sequence, stored.Hash);
    }

    public static async Task<int> SaveWithChainAsync(ChildStoryDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await save();
        }
        // A save inside the caller's transaction does not take the process lock: its transaction may hold row locks
        // that a writer already holding the lock is waiting on (a deadlock). On PostgreSQL it queues on a lock of the
        // transaction's own instead, which the database releases at commit and sees in its deadlock detection, so that
        // transactional writers (intake commits each chunk of events with its audit entry) do not race for one number.
        var gated = db.Database.CurrentTransaction is null;
        if (gated)
        {
            await Gate.WaitAsync(cancellationToken);
        }
        else if (!db.IsSqlite)
        {
            await db.Database.ExecuteSqlRawAsync(TakeTransactionLock, cancellationToken);
        }
        try
        {
            // No transaction of our own: reading the tail and inserting need not be atomic, because the unique
            // sequence number refuses a fork, and Entity Framework already makes one save's statements atomic.
            // The tail this process last wrote is remembered, so a save usually costs one INSERT; when another
            // process has written since, the INSERT collides, the memory is dropped and the tail is read again.
            var database = db.Database.GetConnectionString() ?? "";
            for (var attempt = 1; ; attempt++)
            {
                var first = 0L;
                try
                {
                    var (sequence, previous) = gated && Tails.TryGetValue(database, out var remembered) ? remembered : await ReadTailAsync(db, cancellationToken);
                    first = sequence + 1;
                    foreach (var entry in pending)
                    {
                        entry.Chain(++sequence, previous);
                        previous = entry.Hash;
                    }
                    var written = await save();
                    if (gated)
                    {
                        Tails[database] = (sequence, previous);
                    }
                    else
                    {
                        // The caller's transaction may yet roll back: only a committed tail is worth remembering.
                        Tails.TryRemove(database, out _);
                    }
                    return written;
                }
                catch (DbUpdateException) when (attempt < Attempts && (gated || db.Database.AutoSavepointsEnabled))
                {
                    // Another process took the sequence number (or the save failed for a reason a retry will repeat,
                    // which the last attempt rethrows): read the new tail and chain again.
                    Tails.TryRemove(database, out _);
                    // Inside the caller's transaction EF has rolled the save back to its savepoint; only a clash on the
                    // sequence number is ours to retry, any other failure is the caller's to handle.
                    if (!gated && (await ReadTailAsync(db, cancellationToken)).Sequence < first)
                    {
                        throw;
                    }
                }
                catch
                {
                    Tails.TryRemove(database, out _);
                    throw;
                }
            }
        }
        finally
        {
            if (gated)
            {
                Gate.Release();
            }
        }
    }
}
