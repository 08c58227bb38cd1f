using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Children;

/// <summary>
/// Opens a child's record for a reader. Outside the reader's need to know the answer is "not found" — the same
/// answer as for an id that does not exist — and the refused attempt is audited. Every view is audited with the
/// basis of access (involvement, front door, broken glass).
/// </summary>
public sealed class GetChildRecord(ChildStoryDbContext db, ChildAccess access, Calendar.PartnershipCalendar calendar, Microsoft.Extensions.Options.IOptions<TeamAroundChild.CaseworkOptions> options)
{
    public async Task<Result<ChildRecord>> RunAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var basis = opened.Value;

        var record = await ChildRecordLoader.LoadAsync(db, childId, basis, ct);
        DateTimeOffset? expires = null;
        if (basis == AccessBasis.GlassBreak && actor.PractitionerId is { } practitionerId)
        {
            var now = db.Time.GetUtcNow();
            expires = await db.GlassBreaks.Where(g => g.PractitionerId == practitionerId && g.ChildId == childId && g.ExpiresAt > now)
                .MaxAsync(g => (DateTimeOffset?)g.ExpiresAt, ct);
        }
        db.Audit(AuditActions.ChildViewed, childId, detail: JsonSerializer.Serialize(new { basis = basis.ToString() }));
        await db.SaveChangesAsync(ct);
        var story = await Chronology.StoryLoader.LoadAsync(db, childId, actor.AgencyId, ct);
        var casework = await TeamAroundChild.ChildCasework.LoadAsync(db, calendar, options.Value, childId, ct);
        return record with { AccessExpiresAt = expires, Story = story, Casework = casework };
    }
}
