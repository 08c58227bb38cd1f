using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

/// <summary>The front door records a contact that came by telephone, letter or e-mail: a school, a health worker, a neighbour.</summary>
public sealed class RecordContact(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, string? source, string? from, string? summary, CancellationToken ct = default)
    {
        if (!await FrontDoorStaff.IsStaffAsync(db, actor, ct))
        {
            return Error.Forbidden("Only the front door records contacts");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        ContactSource? kind = Enum.TryParse<ContactSource>(source, out var k) && !int.TryParse(source, out _) ? k : null;
        if (kind is null) { errors.Add("Source", "Select where the contact came from"); }
        var who = from?.Trim() ?? "";
        if (who.Length == 0) { errors.Add("From", "Say who made the contact (name, role or agency; \"anonymous\" if they would not say)"); }
        else if (who.Length > 300) { errors.Add("From", "Who made the contact must be 300 characters or fewer"); }
        var text = summary?.Trim() ?? "";
        if (text.Length == 0) { errors.Add("Summary", "Say what the contact is about"); }
        else if (text.Length > 4_000) { errors.Add("Summary", "The summary must be 4,000 characters or fewer"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var due = working.Due(now, DeadlineRule.WorkingDays(1));
        var contact = new Contact(Guid.NewGuid(), childId, kind!.Value, who, text, null, now, due.Due,
            $"A front-door decision is due within 1 working day. {due.Explanation}", actor.PractitionerId);
        db.Contacts.Add(contact);
        await FrontDoorStaff.RouteOutOfHoursAsync(db, notify, contact, working, ct);
        await FollowUpStory.WriteAsync(db, childId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.FrontDoorContact,
            $"Contact to the front door ({Contact.Words(kind.Value)}) from {who}: {text}", false, ct);
        db.Audit(AuditActions.ContactRecorded, childId, subject: $"Contact:{contact.Id}");
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
