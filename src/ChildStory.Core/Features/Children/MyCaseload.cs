using ChildStory.Common;
using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Children;

/// <summary>The children a practitioner is named on as working with now, lead professional first.</summary>
public sealed class MyCaseload(ChildStoryDbContext db)
{
    public sealed record Item(Guid ChildId, string Name, DateOnly? DateOfBirth, string Role, bool IsLeadProfessional, DateOnly Since);

    public async Task<IReadOnlyList<Item>> RunAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } me)
        {
            return [];
        }
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var rows = await db.Involvements.AsNoTracking()
            .Where(i => i.PractitionerId == me && (i.EndedOn == null || i.EndedOn >= today))
            .Join(db.People, i => i.ChildId, p => p.Id, (i, p) => new { i, p })
            .OrderByDescending(x => x.i.IsLeadProfessional).ThenBy(x => x.p.FamilyName).ThenBy(x => x.p.GivenName)
            .Take(500)
            .Select(x => new { x.p.Id, Name = x.p.GivenName + " " + x.p.FamilyName, x.p.DateOfBirth, x.i.Role, x.i.IsLeadProfessional, x.i.StartedOn })
            .ToListAsync(ct);
        return rows.Select(r => new Item(r.Id, r.Name, r.DateOfBirth, r.Role.ToString(), r.IsLeadProfessional, r.StartedOn)).ToList();
    }
}
