using ChildStory.Data;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Visits;

public sealed record SeenBy(Guid AgencyId, string Agency, DateTimeOffset At, string Author, EventType Type);

/// <summary>
/// When the child was last seen — by anyone, and by each agency. "Seen" is what an agency says: an event marked
/// child seen, or one that cannot happen without the child (attending the GP or A&amp;E, an admission, an assessment,
/// a return home interview), unless it says the child was not seen.
/// </summary>
public static class LastSeen
{
    public static readonly EventType[] SeenByNature =
    [
        EventType.GpAppointmentAttended, EventType.EmergencyDepartmentAttendance, EventType.HospitalAdmission, EventType.CamhsAssessment,
        EventType.ReturnHomeInterview, EventType.VoiceOfTheChild,
    ];

    /// <summary>The events that count as seeing the child, as a query to compose.</summary>
    public static IQueryable<ChronologyEvent> Seen(ChildStoryDbContext db) =>
        db.ChronologyEvents.AsNoTracking().Where(e => !e.EnteredInError
            && (e.Facts.ChildSeen == true || (SeenByNature.Contains(e.Type) && e.Facts.ChildSeen != false)));

    /// <summary>The last time each agency saw the child, most recent first.</summary>
    public static async Task<List<SeenBy>> ByAgencyAsync(ChildStoryDbContext db, Guid childId, CancellationToken ct)
    {
        var latest = await Seen(db).Where(e => e.ChildId == childId)
            .GroupBy(e => e.AgencyId).Select(g => new { AgencyId = g.Key, At = g.Max(e => e.OccurredAt) }).ToListAsync(ct);
        var result = new List<SeenBy>();
        foreach (var l in latest)
        {
            var e = await Seen(db).Where(x => x.ChildId == childId && x.AgencyId == l.AgencyId && x.OccurredAt == l.At)
                .OrderBy(x => x.Id)
                .Select(x => new { x.Author, x.Type, Agency = db.Agencies.Where(a => a.Id == x.AgencyId).OrderBy(a => a.Id).Select(a => a.Name).FirstOrDefault() }).FirstAsync(ct);
            result.Add(new SeenBy(l.AgencyId, e.Agency ?? "Unknown agency", l.At, e.Author, e.Type));
        }
        return result.OrderByDescending(s => s.At).ToList();
    }

    /// <summary>The last time anyone saw each of these children (absent when never).</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> ForChildrenAsync(ChildStoryDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct) =>
        await Seen(db).Where(e => e.ChildId != null && childIds.Contains(e.ChildId.Value))
            .GroupBy(e => e.ChildId!.Value).Select(g => new { g.Key, At = g.Max(e => e.OccurredAt) })
            .ToDictionaryAsync(x => x.Key, x => x.At, ct);
}
