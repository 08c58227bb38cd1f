using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Exploitation;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Mapping;

/// <summary>Someone already around a child, named for the reader as the map names them.</summary>
public sealed record PersonChoice(Guid Id, string Name);

/// <summary>
/// The people already around a child — its family, and the people on the links the actor may read, either way — to
/// link again without retyping. Links the actor may not read (<see cref="SensitiveRecords"/>) do not lead to anyone.
/// </summary>
public sealed class PeopleAround(ChildStoryDbContext db, ChildAccess access, IOptions<MappingOptions> options)
{
    public static async Task<List<Guid>> IdsAsync(ChildStoryDbContext db, Actor actor, Guid childId, CancellationToken ct)
    {
        var family = await db.Relationships.Where(r => r.ChildId == childId && r.RelatedPersonId != null).Select(r => r.RelatedPersonId!.Value).ToListAsync(ct);
        var linked = await db.Associations.Where(SensitiveRecords.Readable<Association>(a => a.Sensitivity, a => a.AgencyId, actor))
            .Where(a => a.EndedOn == null && (a.ChildId == childId || a.PersonId == childId))
            .Select(a => a.ChildId == childId ? a.PersonId : a.ChildId).Where(id => id != null).Select(id => id!.Value).ToListAsync(ct);
        return family.Concat(linked).Distinct().ToList();
    }

    /// <summary>The choices for the "someone already in this child's network or family" list, named by <see cref="PeerNaming"/>.</summary>
    public async Task<List<PersonChoice>> ChoicesAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        var ids = await IdsAsync(db, actor, childId, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.GivenName, p.FamilyName, p.DateOfBirth, p.IsChild }).ToListAsync(ct);
        var records = people.Where(p => p.IsChild).Select(p => p.Id).ToList();
        var visible = await access.VisibleChildIdsAsync(actor, ct);
        var openable = visible is null ? records.ToHashSet() : (await visible.Where(id => records.Contains(id)).ToListAsync(ct)).ToHashSet();
        return people.Select(p =>
            {
                var child = PeerNaming.IsChildAged(p.IsChild, p.DateOfBirth, today);
                var open = openable.Contains(p.Id);
                var name = PeerNaming.Name(options.Value.PeerNames, p.GivenName, p.FamilyName, child, open);
                // A date of birth beside initials would name the child as surely as the name: an age instead.
                var detail = p.DateOfBirth is not { } born ? "" : PeerNaming.InFull(options.Value.PeerNames, child, open)
                    ? $" (born {born:d MMM yyyy})" : $" (aged {Domain.People.Person.AgeOn(born, today)})";
                return new PersonChoice(p.Id, name + detail);
            })
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
