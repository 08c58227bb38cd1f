using ChildStory.Data;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>What the record page shows of the child's story: the latest events from every agency, and how many of each kind.</summary>
public sealed record StoryView(int Total, IReadOnlyList<StoryEntry> Latest, IReadOnlyList<StoryCount> Counts);

/// <summary>
/// One line of the chronology. For a sensitive entry the reader's agency may not read, <see cref="Summary"/> and
/// <see cref="Details"/> are null and <see cref="AskContact"/> says whom to ask: the entry's existence, source and
/// date are never hidden, only its content.
/// </summary>
public sealed record StoryEntry(
    Guid Id, DateTimeOffset OccurredAt, string Agency, EventType Type, string? Summary, string? Details, bool Significant,
    Verification Verification, Sensitivity Sensitivity, string? AskContact, string Author,
    Guid AgencyId, DateTimeOffset RecordedAt, bool EnteredInChildStory, int Version, bool EnteredInError)
{
    public bool Readable => Sensitivity == Sensitivity.None || AskContact is null;

    /// <summary>Where the entry came from, in words a review panel can cite.</summary>
    public string Source => EnteredInChildStory ? "Recorded in ChildStory" : "Sent by the agency's system";
}

public sealed record StoryCount(EventType Type, int Count);

internal static class StoryLoader
{
    public const int Latest = 100;

    public static async Task<StoryView> LoadAsync(ChildStoryDbContext db, Guid childId, Guid? readerAgencyId, CancellationToken ct)
    {
        var events = db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId);
        var counts = await events.GroupBy(e => e.Type).Select(g => new StoryCount(g.Key, g.Count())).ToListAsync(ct);
        var latest = await EntriesAsync(db, events.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).Take(Latest), readerAgencyId, ct);
        return new StoryView(counts.Sum(c => c.Count), latest.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).ToList(),
            counts.OrderByDescending(c => c.Count).ToList());
    }

    /// <summary>
    /// Reads whole entries, masking the content of sensitive ones the reader's agency may not read. Agency names come
    /// from <paramref name="agencyNames"/> when the caller has them (the story page's cache), else from one small query.
    /// </summary>
    public static async Task<List<StoryEntry>> EntriesAsync(ChildStoryDbContext db, IQueryable<ChronologyEvent> events, Guid? readerAgencyId, CancellationToken ct,
        IReadOnlyDictionary<Guid, string>? agencyNames = null)
    {
        var rows = await events
            .Select(e => new
            {
                e.Id,
                e.OccurredAt,
                e.AgencyId,
                e.Type,
                e.Summary,
                e.Details,
                e.Significant,
                e.Verification,
                e.Sensitivity,
                e.SensitiveContact,
                e.Author,
                e.RecordedAt,
                e.EnteredById,
                e.Version,
                e.EnteredInError,
            })
            .ToListAsync(ct);
        if (agencyNames is null || rows.Any(r => !agencyNames.ContainsKey(r.AgencyId)))
        {
            var ids = rows.Select(r => r.AgencyId).Distinct().ToList();
            agencyNames = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        }
        return rows.Select(r =>
        {
            var readable = Access.SensitiveRecords.MayRead(r.Sensitivity, r.AgencyId, readerAgencyId);
            return new StoryEntry(r.Id, r.OccurredAt, agencyNames.GetValueOrDefault(r.AgencyId, "Unknown agency"), r.Type, readable ? r.Summary : null, readable ? r.Details : null,
                r.Significant, r.Verification, r.Sensitivity, readable ? null : r.SensitiveContact, r.Author,
                r.AgencyId, r.RecordedAt, r.EnteredById is not null, r.Version, r.EnteredInError);
        }).ToList();
    }
}
