using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Data;

/// <summary>
/// Writes new audit entries as links of one hash chain. Within a process a lock orders writers; across processes
/// the sequence number is the primary key, so two writers that read the same tail cannot both commit: the loser
/// rolls back and chains again from the new tail.
/// </summary>
internal static class AuditChain
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private const int Attempts = 5;

    public static async Task<int> SaveWithChainAsync(ChildStoryDbContext db, Func<Task<int>> save, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (pending.Count == 0)
        {
            return await save();
        }
        await Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var ownTransaction = db.Database.CurrentTransaction is null;
                var transaction = ownTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                try
                {
                    var tail = await db.AuditEntries.AsNoTracking()
                        .OrderByDescending(e => e.Sequence)
                        .Select(e => new { e.Sequence, e.Hash })
                        .FirstOrDefaultAsync(cancellationToken);
                    var sequence = tail?.Sequence ?? 0;
                    var previous = tail?.Hash ?? AuditEntry.GenesisHash;
                    foreach (var entry in pending)
                    {
                        entry.Chain(++sequence, previous);
                        previous = entry.Hash;
                    }
                    var written = await save();
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                    }
                    return written;
                }
                catch (DbUpdateException) when (ownTransaction && attempt < Attempts)
                {
                    await transaction!.RollbackAsync(cancellationToken);
                }
                finally
                {
                    if (transaction is not null)
                    {
                        await transaction.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}
