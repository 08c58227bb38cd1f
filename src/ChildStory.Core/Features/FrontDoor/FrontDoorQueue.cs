using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.FrontDoor;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

public sealed record QueuedContact(Guid Id, Guid ChildId, string ChildName, ContactSource Source, string From, string Summary, string ReceivedText,
    string DueText, string DueExplanation, bool Overdue, FrontDoorDecision? Decision, string? Rationale, string? DecidedText, bool RoutedToEmergencyDuty);

public sealed record ContactQueue(IReadOnlyList<QueuedContact> Awaiting, IReadOnlyList<QueuedContact> RecentlyDecided, int Overdue);

/// <summary>
/// The front door's queue — contacts awaiting a decision, the oldest due first, overdue ones flagged (their managers
/// see them too) — and recent decisions; one contact in full; and, for the chaser, overdue decisions raised once with
/// the front door's managers.
/// </summary>
public sealed class FrontDoorQueue(ChildStoryDbContext db, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<Result<ContactQueue>> RunAsync(Actor actor, CancellationToken ct = default)
    {
        if (!await FrontDoorStaff.IsStaffOrManagerAsync(db, actor, ct))
        {
            return Error.Forbidden("The front-door queue is for the front door and managers");
        }
        var awaiting = await db.Contacts.AsNoTracking().Where(c => c.DecidedAt == null).OrderBy(c => c.DueAt).Take(500).ToListAsync(ct);
        var decided = await db.Contacts.AsNoTracking().Where(c => c.DecidedAt != null).OrderByDescending(c => c.DecidedAt).Take(50).ToListAsync(ct);
        var shaped = await ShapeAsync(awaiting.Concat(decided).ToList(), ct);
        var now = db.Time.GetUtcNow();
        return new ContactQueue(shaped.Take(awaiting.Count).ToList(), shaped.Skip(awaiting.Count).ToList(), awaiting.Count(c => c.IsOverdue(now)));
    }

    public async Task<Result<QueuedContact>> GetAsync(Actor actor, Guid contactId, CancellationToken ct = default)
    {
        if (!await FrontDoorStaff.IsStaffOrManagerAsync(db, actor, ct))
        {
            return Error.NotFound("Contact");
        }
        var contact = await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return Error.NotFound("Contact");
        }
        db.Audit(AuditActions.ContactViewed, contact.ChildId, subject: $"Contact:{contact.Id}");
        await db.SaveChangesAsync(ct);
        return (await ShapeAsync([contact], ct))[0];
    }

    /// <summary>Tells the front door's managers, once per contact, about every decision now overdue.</summary>
    public async Task<int> AlertOverdueAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var overdue = await db.Contacts.Where(c => c.DecidedAt == null && c.DueAt < now && c.ManagersAlertedAt == null).Take(200).ToListAsync(ct);
        if (overdue.Count == 0)
        {
            return 0;
        }
        var staff = await FrontDoorStaff.MembersAsync(db, ct);
        var managers = await ShareParties.ManagersOfAsync(db, staff.Select(s => s.PractitionerId), ct);
        var working = await calendar.GetAsync(db, ct);
        foreach (var c in overdue)
        {
            notify.Tell(managers, c.ChildId, "Overdue front-door decision", $"A {Contact.Words(c.Source).ToLowerInvariant()} from {c.From} was due a decision by {working.Describe(c.DueAt)}.", $"/front-door/contacts/{c.Id}");
            c.ManagersAlerted(now);
        }
        await db.SaveChangesAsync(ct);
        return overdue.Count;
    }

    private async Task<List<QueuedContact>> ShapeAsync(List<Contact> contacts, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var ids = contacts.Select(c => c.ChildId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return contacts.Select(c => new QueuedContact(c.Id, c.ChildId, names.GetValueOrDefault(c.ChildId, "Unknown child"), c.Source, c.From, c.Summary,
            working.Describe(c.ReceivedAt), working.Describe(c.DueAt), c.DueExplanation, c.IsOverdue(now), c.Decision, c.Rationale,
            c.DecidedAt is { } at ? $"{working.Describe(at)} by {c.DecidedByName}" : null, c.RoutedToEmergencyDuty)).ToList();
    }
}
