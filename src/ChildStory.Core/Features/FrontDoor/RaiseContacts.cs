using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

/// <summary>
/// Puts every police incident involving a child into the front-door queue once it is linked to the child (by an
/// identifier at intake or by the identity matcher later): a domestic incident with a child present is a
/// Vulnerable Child notification. Each gets a decision due within one working day; one that arrives out of hours
/// also goes straight to the emergency duty team. Looks back two days, so events
/// linked late still arrive; the unique event id means a contact is never raised twice. Runs every minute.
/// </summary>
public sealed class RaiseContacts(ChildStoryDbContext db, PartnershipCalendar calendar, Features.Sharing.Notifier notify)
{
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(2);

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var since = now - LookBack;
        var incidents = await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.Type == EventType.PoliceIncident && e.ReceivedAt >= since && e.ChildId != null && e.EnteredById == null
                && !db.Contacts.Any(c => c.EventId == e.Id))
            .OrderBy(e => e.ReceivedAt).Take(500)
            .Select(e => new { e.Id, e.ChildId, e.AgencyId, e.Summary, e.Facts, e.ReceivedAt }).ToListAsync(ct);
        if (incidents.Count == 0)
        {
            return 0;
        }
        var working = await calendar.GetAsync(db, ct);
        var agencyIds = incidents.Select(i => i.AgencyId).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        foreach (var e in incidents)
        {
            var vcn = e.Facts.DomesticAbuse == true && e.Facts.ChildPresent != false;
            var due = working.Due(e.ReceivedAt, DeadlineRule.WorkingDays(1));
            var contact = new Contact(Guid.NewGuid(), e.ChildId!.Value, vcn ? ContactSource.VulnerableChildNotification : ContactSource.PoliceIncident,
                agencies.GetValueOrDefault(e.AgencyId, "Police"), e.Summary, e.Id, e.ReceivedAt, due.Due, $"A front-door decision is due within 1 working day. {due.Explanation}", null);
            db.Contacts.Add(contact);
            await FrontDoorStaff.RouteOutOfHoursAsync(db, notify, contact, working, ct);
        }
        db.Audit(AuditActions.ContactsRaised, detail: JsonSerializer.Serialize(new { contacts = incidents.Count }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server raised some of these at the same moment: the unique event id kept them single; try again next run.
            db.ChangeTracker.Clear();
            return 0;
        }
        return incidents.Count;
    }
}
