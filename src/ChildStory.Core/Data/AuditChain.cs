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

    public static async Task<int> SaveWithChainAsync(ChildStoryDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await save();
        }
        // A save inside the caller's transaction does not take the process lock: its transaction may hold row locks
        // that a writer already holding the lock is waiting on (a deadlock). It cannot retry anyway; if another
        // writer took its sequence number, its save fails whole and the caller reports the clash.
        var gated = db.Database.CurrentTransaction is null;
        if (gated)
        {
            await Gate.WaitAsync(cancellationToken);
        }
        try
        {
            // No transaction of our own: reading the tail and inserting need not be atomic, because the unique
            // sequence number refuses a fork, and Entity Framework already makes one save's statements atomic.
            // The tail this process last wrote is remembered, so a save usually costs one INSERT; when another
            // process has written since, the INSERT collides, the memory is dropped and the tail is read again.
            var database = db.Database.GetConnectionString() ?? "";
            var retryable = gated;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (!Tails.TryGetValue(database, out var tail))
                    {
                        var stored = await db.AuditEntries.AsNoTracking()
                            .OrderByDescending(e => e.Sequence)
                            .Select(e => new { e.Sequence, e.Hash })
                            .FirstOrDefaultAsync(cancellationToken);
                        tail = stored is null ? (0, AuditEntry.GenesisHash) : (stored.Sequence, stored.Hash);
                    }
                    var (sequence, previous) = tail;
                    foreach (var entry in pending)
                    {
                        entry.Chain(++sequence, previous);
                        previous = entry.Hash;
                    }
                    var written = await save();
                    if (retryable)
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
                catch (DbUpdateException) when (retryable && attempt < Attempts)
                {
                    // Another process took the sequence number (or the save failed for a reason a retry will repeat,
                    // which the last attempt rethrows): read the new tail and chain again.
                    Tails.TryRemove(database, out _);
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
