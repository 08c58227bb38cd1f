using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// One entry in full: what the source said, the facts it carried, how the sender identified the child and why the
/// entry is on this child's story (the link basis), when it was recorded and received, and every earlier version.
/// A sensitive entry the reader's agency may not read shows none of its content, nor its earlier versions.
/// </summary>
public sealed record EventDetail(
    Guid ChildId, string ChildName, StoryEntry Entry, string SourceReference, DateTimeOffset ReceivedAt, EventFacts? Facts, EventSubject? Subject,
    LinkBasis? LinkBasis, double? LinkScore, DateTimeOffset? AmendedAt, IReadOnlyList<EventRevision> Revisions, bool CanAmend);

public sealed class GetEvent(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<EventDetail>> RunAsync(Actor actor, Guid childId, Guid eventId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var e = await db.ChronologyEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId && x.ChildId == childId, ct);
        if (e is null)
        {
            return Error.NotFound("Entry");
        }
        var entry = (await StoryLoader.EntriesAsync(db, db.ChronologyEvents.AsNoTracking().Where(x => x.Id == eventId), actor.AgencyId, ct)).Single();
        var childName = await db.People.Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var revisions = entry.Readable
            ? await db.EventRevisions.AsNoTracking().Where(r => r.EventId == eventId).OrderByDescending(r => r.Version).ToListAsync(ct)
            : [];
        db.Audit(AuditActions.EventViewed, childId, subject: $"ChronologyEvent:{eventId}", detail: JsonSerializer.Serialize(new { basis = opened.Value.ToString() }));
        await db.SaveChangesAsync(ct);
        return new EventDetail(childId, childName, entry, e.IdempotencyKey, e.ReceivedAt, entry.Readable ? e.Facts : null, entry.Readable ? e.Subject : null,
            e.LinkBasis, e.LinkScore, e.AmendedAt, revisions, actor.PractitionerId is not null && actor.AgencyId == e.AgencyId);
    }
}
