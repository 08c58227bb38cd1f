using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>A practitioner to tell about a share: who, and where to e-mail them.</summary>
public sealed record Party(Guid PractitionerId, string Name, string Email);

/// <summary>
/// Who stands behind a recipient, and who manages them. A named practitioner is themself; a team is its active
/// members; an agency is the members of its front-door teams (or, without one, its managers: the practitioners
/// others report to). Managers are the practitioners the recipient's people report to.
/// </summary>
internal static class ShareParties
{
    public static async Task<List<Party>> MembersAsync(ChildStoryDbContext db, ShareRecipient r, CancellationToken ct)
    {
        var active = db.Practitioners.AsNoTracking().Where(p => p.IsActive);
        var members = r.Kind switch
        {
            RecipientKind.Practitioner => active.Where(p => p.Id == r.PractitionerId),
            RecipientKind.Team => active.Where(p => p.TeamId == r.TeamId),
            _ => active.Where(p => p.AgencyId == r.AgencyId && p.Team != null && p.Team.Function == TeamFunction.FrontDoor),
        };
        var found = await Select(members, ct);
        if (found.Count == 0 && r.Kind == RecipientKind.Agency)
        {
            found = await Select(active.Where(p => p.AgencyId == r.AgencyId && db.Practitioners.Any(o => o.ManagerId == p.Id)), ct);
        }
        return found;
    }

    /// <summary>True when the practitioner may act for this recipient.</summary>
    public static async Task<bool> IsMemberAsync(ChildStoryDbContext db, ShareRecipient r, Guid practitionerId, CancellationToken ct) =>
        (await RecipientsOfAsync(db, [r], practitionerId, ct)).Count == 1;

    /// <summary>The recipients among these that the practitioner may act for (read with one query, whatever their number).</summary>
    public static async Task<HashSet<Guid>> RecipientsOfAsync(ChildStoryDbContext db, IEnumerable<ShareRecipient> recipients, Guid? practitionerId, CancellationToken ct)
    {
        var p = practitionerId is null ? null : await db.Practitioners.AsNoTracking().Where(x => x.Id == practitionerId && x.IsActive)
            .Select(x => new { x.AgencyId, x.TeamId }).SingleOrDefaultAsync(ct);
        return p is null ? [] : [.. recipients.Where(r => r.Kind switch
        {
            RecipientKind.Practitioner => r.PractitionerId == practitionerId,
            RecipientKind.Team => p.TeamId == r.TeamId,
            _ => p.AgencyId == r.AgencyId,
        }).Select(r => r.Id)];
    }

    public static async Task<List<Party>> ManagersOfAsync(ChildStoryDbContext db, IEnumerable<Guid> practitionerIds, CancellationToken ct)
    {
        var ids = practitionerIds.Distinct().ToList();
        var managerIds = await db.Practitioners.AsNoTracking().Where(p => ids.Contains(p.Id) && p.ManagerId != null)
            .Select(p => p.ManagerId!.Value).Distinct().ToListAsync(ct);
        return await Select(db.Practitioners.AsNoTracking().Where(p => managerIds.Contains(p.Id) && p.IsActive), ct);
    }

    /// <summary>The active members of a team (a service's team, the emergency duty team).</summary>
    public static Task<List<Party>> TeamAsync(ChildStoryDbContext db, Guid teamId, CancellationToken ct) =>
        Select(db.Practitioners.AsNoTracking().Where(p => p.TeamId == teamId && p.IsActive), ct);

    /// <summary>One practitioner (a sender or referrer), active or not: they are told what became of their work.</summary>
    public static Task<List<Party>> PractitionerAsync(ChildStoryDbContext db, Guid practitionerId, CancellationToken ct) =>
        Select(db.Practitioners.AsNoTracking().Where(p => p.Id == practitionerId), ct);

    public static async Task<List<Party>> Select(IQueryable<Practitioner> practitioners, CancellationToken ct) =>
        await practitioners.OrderBy(p => p.FamilyName).Select(p => new Party(p.Id, p.GivenName + " " + p.FamilyName, p.Email)).ToListAsync(ct);
}
