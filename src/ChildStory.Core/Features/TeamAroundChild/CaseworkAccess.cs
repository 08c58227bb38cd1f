using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// Who may work on a child's case: a practitioner whose agency (in social care, whose team) works with the child,
/// or the front door. Broken-glass access lets someone read a record in an emergency, not change it. Outside need to
/// know the answer is "not found", as for reading.
/// </summary>
public sealed class CaseworkAccess(ChildAccess access)
{
    public async Task<Result<AccessBasis>> OpenForWorkAsync(Actor actor, Guid childId, CancellationToken ct)
    {
        if (actor.PractitionerId is null || actor.AgencyId is null)
        {
            return Error.Forbidden("Only a practitioner can record work with a child");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        return opened.Value == AccessBasis.GlassBreak
            ? Error.Forbidden("Broken-glass access lets you read this record, not change it: ask the team around the child")
            : opened.Value;
    }

    /// <summary>The practitioners named on the child's current involvements, or for an involvement without a name, its team's members.</summary>
    public static async Task<List<Party>> TeamAroundAsync(ChildStoryDbContext db, Guid childId, CancellationToken ct, Guid? exceptAgencyId = null)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var involvements = db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && (i.EndedOn == null || i.EndedOn >= today) && (exceptAgencyId == null || i.AgencyId != exceptAgencyId));
        var named = involvements.Where(i => i.PractitionerId != null).Select(i => i.PractitionerId!.Value);
        var teams = involvements.Where(i => i.PractitionerId == null && i.TeamId != null).Select(i => i.TeamId!.Value);
        return await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && (named.Contains(p.Id) || (p.TeamId != null && teams.Contains(p.TeamId.Value)))), ct);
    }

    /// <summary>The people of one agency who work with the child (or, with none named, the agency's managers).</summary>
    public static async Task<List<Party>> AgencyAroundAsync(ChildStoryDbContext db, Guid childId, Guid agencyId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var named = db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && i.AgencyId == agencyId && (i.EndedOn == null || i.EndedOn >= today) && i.PractitionerId != null)
            .Select(i => i.PractitionerId!.Value);
        var found = await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && named.Contains(p.Id)), ct);
        if (found.Count == 0)
        {
            found = await ShareParties.Select(db.Practitioners.AsNoTracking()
                .Where(p => p.IsActive && p.AgencyId == agencyId && db.Practitioners.Any(o => o.ManagerId == p.Id)), ct);
        }
        return found;
    }

    public static DateOnly Today(ChildStoryDbContext db) => DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
}
