using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Audit;

/// <summary>
/// Walks the audit log in sequence order and reports the first thing that does not hold: a checkpoint whose
/// signature does not verify; a gap in the sequence from entry 1 (an entry deleted); a previous-hash that does not
/// match the entry before (an entry removed or reordered); a hash that does not match the entry's own content (an
/// entry edited); an entry whose hash is not the one a checkpoint signed (history rewritten and every later hash
/// recomputed); fewer entries than a checkpoint counted, or none at all (the newest entries, or all of them,
/// deleted); a checkpoint in the file that the database no longer holds (checkpoints deleted).
/// </summary>
public sealed class VerifyAuditChain(ChildStoryDbContext db, CheckpointEvidence checkpoints)
{
    private const int PageSize = 5_000;

    public sealed record Report(long EntriesChecked, long? FirstBadSequence, string? Problem, string LastHash)
    {
        public bool Intact => Problem is null;

        public int CheckpointsChecked { get; init; }

        public SignedCheckpoint? NewestCheckpoint { get; init; }
    }

    public async Task<Report> RunAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var evidence = await checkpoints.GatherAsync(ct);
        if (evidence.Problem is not null)
        {
            return new Report(0, null, evidence.Problem, AuditEntry.GenesisHash);
        }
        var anchors = evidence.All.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var walk = await WalkAsync(1, AuditEntry.GenesisHash, anchors, progress, ct);
        var report = new Report(walk.Checked, walk.BadSequence, walk.Problem, walk.LastHash)
        {
            CheckpointsChecked = evidence.Stored.Count + evidence.Filed.Count,
            NewestCheckpoint = evidence.Newest,
        };
        if (walk.Problem is not null)
        {
            return report;
        }
        if (evidence.Newest is { } newest && newest.Sequence > walk.LastSequence)
        {
            return report with
            {
                FirstBadSequence = walk.LastSequence + 1,
                Problem = walk.LastSequence == 0
                    ? $"The audit log is empty, but {newest} counted {newest.Sequence:N0} entries: the log has been deleted"
                    : $"The log ends at entry {walk.LastSequence:N0}, but {newest} counted {newest.Sequence:N0} entries: the newest entries have been deleted",
            };
        }
        var storedMacs = evidence.Stored.Select(c => c.Checkpoint.Mac).ToHashSet(StringComparer.Ordinal);
        if (evidence.Filed.FirstOrDefault(c => !storedMacs.Contains(c.Checkpoint.Mac)) is { } missing)
        {
            return report with { Problem = $"{missing.Checkpoint} is in the checkpoint file but no longer in the database: checkpoints have been deleted" };
        }
        return report;
    }

    /// <summary>
    /// Checks the log from a checkpoint to its end: the entry it names is still there with the hash it signed, and every
    /// entry after it follows. The scheduled job runs this before it signs, so it never signs a log rewritten since.
    /// </summary>
    internal async Task<Walk> CheckSinceAsync(AuditCheckpoint from, CancellationToken ct)
    {
        var entry = await db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Sequence == from.Sequence, ct);
        var problem = entry is null ? $"Entry {from.Sequence}, the last one {from} counted, is missing: the newest entries have been deleted"
            : entry.ComputeHash() != entry.Hash ? $"Entry {entry.Sequence} has been altered: its content does not match its hash"
            : entry.Hash != from.Hash ? $"Entry {entry.Sequence} is not the entry {from} signed: the log was rewritten after it"
            : null;
        return problem is not null
            ? new Walk(0, from.Sequence, from.Hash, from.Sequence, problem)
            : await WalkAsync(from.Sequence + 1, from.Hash, new Dictionary<long, List<SignedCheckpoint>>(), null, ct);
    }

    internal sealed record Walk(long Checked, long LastSequence, string LastHash, long? BadSequence, string? Problem);

    private async Task<Walk> WalkAsync(long first, string previousHash, IReadOnlyDictionary<long, List<SignedCheckpoint>> anchors,
        IProgress<long>? progress, CancellationToken ct)
    {
        var expectedSequence = first;
        long checkedCount = 0;
        while (true)
        {
            var from = expectedSequence;
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(PageSize)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                return new Walk(checkedCount, expectedSequence - 1, previousHash, null, null);
            }
            foreach (var entry in page)
            {
                var problem = Check(entry, expectedSequence, previousHash, anchors);
                if (problem is not null)
                {
                    var bad = entry.Sequence != expectedSequence ? expectedSequence : entry.Sequence;
                    return new Walk(checkedCount, expectedSequence - 1, previousHash, bad, problem);
                }
                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
        }
    }

    private static string? Check(AuditEntry entry, long expectedSequence, string previousHash, IReadOnlyDictionary<long, List<SignedCheckpoint>> anchors)
    {
        if (entry.Sequence != expectedSequence)
        {
            return $"Entry {expectedSequence} is missing (the next entry is {entry.Sequence})";
        }
        if (entry.PreviousHash != previousHash)
        {
            return $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: its previous-hash does not match";
        }
        if (entry.ComputeHash() != entry.Hash)
        {
            return $"Entry {entry.Sequence} has been altered: its content does not match its hash";
        }
        if (anchors.TryGetValue(entry.Sequence, out var signed) && signed.FirstOrDefault(c => c.Checkpoint.Hash != entry.Hash) is { } contradicted)
        {
            return $"Entry {entry.Sequence} is not the entry {contradicted} signed: the log up to it was rewritten after that checkpoint "
                + "and every later hash recomputed to hide it";
        }
        return null;
    }
}
