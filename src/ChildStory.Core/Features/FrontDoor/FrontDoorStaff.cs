using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

/// <summary>
/// Who works the front door: practitioners with the front-door role or in a front-door team — and, because contacts
/// arriving out of hours go to them, the emergency duty team.
/// </summary>
internal static class FrontDoorStaff
{
    public static async Task<bool> IsStaffAsync(ChildStoryDbContext db, Actor actor, CancellationToken ct) =>
        actor.PractitionerId is { } me && (actor.IsInRole(Roles.FrontDoor)
            || await db.Practitioners.AnyAsync(p => p.Id == me && p.Team != null && (p.Team.Function == TeamFunction.FrontDoor || p.Team.Function == TeamFunction.EmergencyDuty), ct));

    /// <summary>
    /// The front door's staff, or a manager of one of them (who is told when decisions are overdue). Managers of other
    /// teams do not read the queue: it names children they have no need to know about.
    /// </summary>
    public static async Task<bool> IsStaffOrManagerAsync(ChildStoryDbContext db, Actor actor, CancellationToken ct) =>
        await IsStaffAsync(db, actor, ct) || (actor.PractitionerId is { } me && actor.IsInRole(Roles.Manager)
            && await db.Practitioners.AnyAsync(p => p.ManagerId == me && p.IsActive && p.Team != null
                && (p.Team.Function == TeamFunction.FrontDoor || p.Team.Function == TeamFunction.EmergencyDuty), ct));

    public static async Task<List<Party>> MembersAsync(ChildStoryDbContext db, CancellationToken ct) =>
        await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.Team != null && p.Team.Function == TeamFunction.FrontDoor), ct);

    public static async Task<List<Party>> EmergencyDutyAsync(ChildStoryDbContext db, CancellationToken ct) =>
        await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.Team != null && p.Team.IsActive && p.Team.Function == TeamFunction.EmergencyDuty), ct);

    /// <summary>A contact that arrives while the offices are shut goes to the emergency duty team at once, not in the morning.</summary>
    public static async Task RouteOutOfHoursAsync(ChildStoryDbContext db, Notifier notify, Domain.FrontDoor.Contact contact, Calendar.WorkingTime working, CancellationToken ct)
    {
        if (working.IsOfficeHours(contact.ReceivedAt))
        {
            return;
        }
        contact.RouteToEmergencyDuty();
        notify.Tell(await EmergencyDutyAsync(db, ct), contact.ChildId, $"Out of hours: {Domain.FrontDoor.Contact.Words(contact.Source).ToLowerInvariant()} needs a decision",
            $"From {contact.From}, received {working.Describe(contact.ReceivedAt)} while the offices were closed.", $"/front-door/contacts/{contact.Id}");
    }
}
