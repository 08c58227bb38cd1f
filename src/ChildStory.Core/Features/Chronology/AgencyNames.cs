using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// The partnership's agency names, read once a minute rather than on every story page: there are a few hundred,
/// they rarely change, and the page names the agency of every lane, filter and entry. An agency the snapshot does
/// not know (added since) makes it read again at once; a renamed agency shows its new name within a minute.
/// Names only: nothing here decides who may see what.
/// </summary>
public sealed class AgencyNames(TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<Guid, string> Names, DateTimeOffset ReadAt);

    public async Task<IReadOnlyDictionary<Guid, string>> ForAsync(ChildStoryDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt > MaxAge || ids.Any(id => !snapshot.Names.ContainsKey(id)))
        {
            var names = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
            _snapshot = snapshot = new Snapshot(names, time.GetUtcNow());
        }
        return snapshot.Names;
    }
}
