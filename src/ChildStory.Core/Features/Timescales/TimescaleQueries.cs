using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Timescales;

public sealed record ChildTimescales(Guid ChildId, string ChildName, IReadOnlyList<ClockView> Clocks, bool CanWork);

/// <summary>Every statutory clock a child's case has run — open, met (late ones with their reason) and stopped — for those who may see the child.</summary>
public sealed class TimescaleQueries(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar)
{
    public async Task<Result<ChildTimescales>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var working = await calendar.GetAsync(db, ct);
        var now = db.Time.GetUtcNow();
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var clocks = await db.Timescales.AsNoTracking().Where(t => t.ChildId == childId).ToListAsync(ct);
        db.Audit(Domain.Audit.AuditActions.ChildViewed, childId, detail: $"{{\"basis\":\"{opened.Value}\",\"page\":\"timescales\"}}");
        await db.SaveChangesAsync(ct);
        return new ChildTimescales(childId, child,
            clocks.OrderBy(t => t.Status != Domain.Casework.TimescaleStatus.Open).ThenByDescending(t => t.DueAt).Select(t => Views.Clock(t, working, now)).ToList(),
            actor.PractitionerId is not null && opened.Value is AccessBasis.Involvement or AccessBasis.FrontDoor);
    }
}
