using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Audit;

/// <summary>
/// Walks the audit log in sequence order and reports the first entry that does not hold: a gap in the sequence
/// (an entry deleted), a previous-hash that does not match the entry before (an entry removed or reordered), or a
/// hash that does not match the entry's own content (an entry edited).
/// </summary>
public sealed class VerifyAuditChain(ChildStoryDbContext db)
{
    private const int PageSize = 5_000;

    public sealed record Report(long EntriesChecked, long? FirstBadSequence, string? Problem, string LastHash)
    {
        public bool Intact => FirstBadSequence is null;
    }

    public async Task<Report> RunAsync(IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditEntry.GenesisHash;
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
                return new Report(checkedCount, null, null, previousHash);
            }
            foreach (var entry in page)
            {
                if (entry.Sequence != expectedSequence)
                {
                    return new Report(checkedCount, expectedSequence, $"Entry {expectedSequence} is missing (the next entry is {entry.Sequence})", previousHash);
                }
                if (entry.PreviousHash != previousHash)
                {
                    return new Report(checkedCount, entry.Sequence, $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: its previous-hash does not match", previousHash);
                }
                if (entry.ComputeHash() != entry.Hash)
                {
                    return new Report(checkedCount, entry.Sequence, $"Entry {entry.Sequence} has been altered: its content does not match its hash", previousHash);
                }
                previousHash = entry.Hash;
                expectedSequence++;
                checkedCount++;
            }
            progress?.Report(checkedCount);
        }
    }
}
