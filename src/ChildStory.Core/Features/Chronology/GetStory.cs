using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>The child's story page: one chronology from every agency, filtered, counted, pictured and paged.</summary>
public sealed record Story(
    Guid ChildId,
    string ChildName,
    DateOnly? DateOfBirth,
    Guid? MergedIntoId,
    AccessBasis AccessBasis,
    StoryFilter Filter,
    int Total,
    int Matching,
    IReadOnlyList<StoryEntry> Entries,
    IReadOnlyList<Story.Option<Guid>> Agencies,
    IReadOnlyList<Story.Option<EventType>> Types,
    int SignificantCount,
    StoryTimeline? Timeline,
    StoryPeriods? Periods,
    bool CanAddEvents)
{
    public sealed record Option<T>(T Value, string Label, int Count);

    public int Pages => Math.Max(1, (Matching + StoryFilter.PageSize - 1) / StoryFilter.PageSize);
}

/// <summary>
/// Reads a child's story for a reader with need to know (otherwise "not found", audited). Every reading is audited
/// with the filter used, like any other view of a child's record. The overview (counts, timeline, gaps) is built
/// from a light projection of every event; only the page of entries shown is read whole.
/// </summary>
public sealed class GetStory(ChildStoryDbContext db, ChildAccess access, AgencyNames agencies)
{
    public async Task<Result<Story>> RunAsync(Actor actor, Guid childId, StoryFilter filter, CancellationToken ct = default)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId && p.IsChild)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.MergedIntoId }).SingleOrDefaultAsync(ct);
        var opened = await access.OpenAsync(actor, childId, exists: child is not null, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var points = await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId)
            .Select(e => new StoryPoint(e.Id, e.OccurredAt, e.AgencyId, e.Type, e.Significant)).ToListAsync(ct);
        var agencyNames = await agencies.ForAsync(db, points.Select(p => p.AgencyId).Distinct().ToList(), ct);

        var matching = points.Where(p => filter.Matches(p.AgencyId, p.Type, p.Significant, p.OccurredAt)).ToList();
        // The page itself is read through the child's (ChildId, OccurredAt) index, filtered and ordered by the database.
        var filtered = filter.Apply(db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId));
        var ordered = filter.Order == StoryOrder.NewestFirst
            ? filtered.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id)
            : filtered.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id);
        var page = ordered.Skip((filter.Page - 1) * StoryFilter.PageSize).Take(StoryFilter.PageSize);
        var entries = matching.Count == 0 ? [] : await StoryLoader.EntriesAsync(db, page, actor.AgencyId, ct, agencyNames);
        entries = filter.Order == StoryOrder.NewestFirst
            ? [.. entries.OrderByDescending(e => e.OccurredAt)]
            : [.. entries.OrderBy(e => e.OccurredAt)];

        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var story = new Story(
            childId, $"{child!.GivenName} {child.FamilyName}", child.DateOfBirth, child.MergedIntoId, opened.Value, filter,
            points.Count, matching.Count, entries,
            points.GroupBy(p => p.AgencyId).Select(g => new Story.Option<Guid>(g.Key, agencyNames.GetValueOrDefault(g.Key, "Unknown agency"), g.Count()))
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            points.GroupBy(p => p.Type).Select(g => new Story.Option<EventType>(g.Key, EventTypes.Describe(g.Key), g.Count()))
                .OrderBy(o => o.Label, StringComparer.OrdinalIgnoreCase).ToList(),
            points.Count(p => p.Significant),
            StoryTimeline.Build(matching, agencyNames, filter.From, filter.To, today),
            StoryPeriods.Build(matching, filter.Period, filter.To),
            actor.PractitionerId is not null && actor.AgencyId is not null);

        db.Audit(AuditActions.StoryViewed, childId, detail: JsonSerializer.Serialize(new
        {
            basis = opened.Value.ToString(),
            agencies = filter.Agencies,
            types = filter.Types.Select(t => t.ToString()),
            filter.SignificantOnly,
            from = filter.From,
            to = filter.To,
            filter.Page,
        }));
        await db.SaveChangesAsync(ct);
        return story;
    }
}
