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
public sealed class GetStory(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<Story>> RunAsync(Actor actor, Guid childId, StoryFilter filter, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.MergedIntoId }).SingleAsync(ct);
        var points = await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId)
            .Select(e => new StoryPoint(e.Id, e.OccurredAt, e.AgencyId, e.Type, e.Significant)).ToListAsync(ct);
        var agencyIds = points.Select(p => p.AgencyId).Distinct().ToList();
        var agencyNames = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var matching = points.Where(p => filter.Matches(p.AgencyId, p.Type, p.Significant, p.OccurredAt)).ToList();
        var ordered = filter.Order == StoryOrder.NewestFirst
            ? matching.OrderByDescending(p => p.OccurredAt).ThenBy(p => p.Id)
            : matching.OrderBy(p => p.OccurredAt).ThenBy(p => p.Id);
        var pageIds = ordered.Skip((filter.Page - 1) * StoryFilter.PageSize).Take(StoryFilter.PageSize).Select(p => p.Id).ToList();
        var entries = await StoryLoader.EntriesAsync(db, db.ChronologyEvents.AsNoTracking().Where(e => pageIds.Contains(e.Id)), actor.AgencyId, ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        entries.Sort((a, b) => position[a.Id].CompareTo(position[b.Id]));

        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var story = new Story(
            childId, $"{child.GivenName} {child.FamilyName}", child.DateOfBirth, child.MergedIntoId, opened.Value, filter,
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
