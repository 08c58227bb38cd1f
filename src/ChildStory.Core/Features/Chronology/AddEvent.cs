using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// A practitioner adds an event to a child's story from the page — a visit, a meeting, the child's own words. It
/// is recorded under the practitioner's agency and name, linked to the child it was added from, and audited.
/// </summary>
public sealed class AddEvent(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, PractitionerEventForm form, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } practitionerId || actor.AgencyId is not { } agencyId)
        {
            return Error.Forbidden("Only a practitioner can add to a child's story");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var (values, errors) = PractitionerEventValidation.Check(form, now, amending: false);
        if (values is null)
        {
            return Error.Invalid(errors);
        }
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new EventSubject(p.GivenName, p.FamilyName, p.DateOfBirth, null, null, p.NhsNumber, p.Upn, null)).SingleAsync(ct);
        var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), agencyId, practitionerId, actor.Name, values.Type, values.OccurredAt, now,
            values.Summary, child, childId);
        e.Describe(values.Details, values.Significant, values.Verification, new EventFacts());
        db.ChronologyEvents.Add(e);
        db.Audit(AuditActions.EventAdded, childId, subject: $"ChronologyEvent:{e.Id}", detail: JsonSerializer.Serialize(new { type = e.Type.ToString() }));
        await db.SaveChangesAsync(ct);
        return e.Id;
    }
}
