using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Corrects an entry without losing what it said: the previous version is kept as a revision with who changed it,
/// when and why, and the entry shows that it was amended. An entry recorded against the wrong child or in error is
/// marked so — struck through, never deleted. Only the agency that recorded an entry may amend it.
/// </summary>
public sealed class AmendEvent(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<int>> RunAsync(Actor actor, Guid childId, Guid eventId, PractitionerEventForm form, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only a practitioner can amend an entry");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var e = await db.ChronologyEvents.SingleOrDefaultAsync(x => x.Id == eventId && x.ChildId == childId, ct);
        if (e is null)
        {
            return Error.NotFound("Entry");
        }
        if (e.AgencyId != actor.AgencyId)
        {
            return Error.Forbidden("Only the agency that recorded this entry can amend it; ask them to");
        }
        var (values, errors) = PractitionerEventValidation.Check(form, db.Time.GetUtcNow(), amending: true);
        if (values is null)
        {
            return Error.Invalid(errors);
        }
        var revision = e.Amend(new EventAmendment(values.Type, values.OccurredAt, values.Summary, values.Details, values.Significant,
            values.Verification, form.EnteredInError, values.Reason!), practitionerId, actor.Name, db.Time.GetUtcNow());
        db.EventRevisions.Add(revision);
        db.Audit(AuditActions.EventAmended, childId, subject: $"ChronologyEvent:{e.Id}",
            detail: JsonSerializer.Serialize(new { version = e.Version, enteredInError = e.EnteredInError }), reason: values.Reason);
        await db.SaveChangesAsync(ct);
        return e.Version;
    }
}
