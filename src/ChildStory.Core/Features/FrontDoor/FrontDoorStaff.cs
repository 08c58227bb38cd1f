using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.FrontDoor;

/// <summary>Who works the front door: practitioners with the front-door role or in a front-door team.</summary>
internal static class FrontDoorStaff
{
    public static async Task<bool> IsStaffAsync(ChildStoryDbContext db, Actor actor, CancellationToken ct) =>
        actor.PractitionerId is { } me && (actor.IsInRole(Roles.FrontDoor)
            || await db.Practitioners.AnyAsync(p => p.Id == me && p.Team != null && p.Team.Function == TeamFunction.FrontDoor, ct));

    public static async Task<List<Party>> MembersAsync(ChildStoryDbContext db, CancellationToken ct) =>
        await db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.Team != null && p.Team.Function == TeamFunction.FrontDoor)
            .Select(p => new Party(p.Id, p.GivenName + " " + p.FamilyName, p.Email)).ToListAsync(ct);
}
