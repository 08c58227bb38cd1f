using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>The child's name, the reader's basis of access, and who works with the child now (those an agreed action can be given to).</summary>
public sealed record CurrentTeamView(Guid ChildId, string ChildName, AccessBasis Basis, IReadOnlyList<ChildRecord.Worker> Workers)
{
    public bool CanWork(Actor actor) => actor.PractitionerId is not null && Basis is AccessBasis.Involvement or AccessBasis.FrontDoor;
}

/// <summary>
/// The team around the child today, for a form that gives out actions (MACE, plans): read only once need to know is
/// decided, without the whole team page's withdrawals and history.
/// </summary>
public sealed class CurrentTeam(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<CurrentTeamView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var today = CaseworkAccess.Today(db);
        var workers = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new ChildRecord.Worker(i.Id, i.Agency!.Name, null, i.Practitioner == null ? null : i.Practitioner.GivenName + " " + i.Practitioner.FamilyName,
                null, null, null, i.Role, i.IsLeadProfessional, i.StartedOn, i.EndedOn, null, i.AgencyId, i.PractitionerId, null, null)).ToListAsync(ct);
        return new CurrentTeamView(childId, name, opened.Value, workers);
    }
}
