using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Access;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

/// <summary>
/// Who may read a professional difference: the team around the child (anyone who may read the child's record), the
/// practitioner who raised it (even after their involvement ends), and the agency it is about — even when that agency is not (yet) in the team, because it
/// must be able to answer. Being the subject agency opens the difference only, never the child's record. A partnership
/// lead reads a difference once it has reached the partnership's stage. Everyone else is told it does not exist, and
/// the refusal is audited.
/// </summary>
public sealed class DifferenceAccess(ChildStoryDbContext db, ChildAccess children, IOptions<EscalationOptions> options)
{
    public async Task<Result<ProfessionalDifference>> OpenAsync(Actor actor, Guid id, CancellationToken ct, bool track = false)
    {
        var query = db.ProfessionalDifferences.Include(d => d.Stages).AsQueryable();
        var difference = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (difference is null)
        {
            return Error.NotFound("Professional difference");
        }
        if (await MayReadAsync(actor, difference, ct))
        {
            return difference;
        }
        db.Audit(AuditActions.DifferenceAccessDenied, difference.ChildId, subject: $"ProfessionalDifference:{id}");
        await db.SaveChangesAsync(ct);
        return Error.NotFound("Professional difference");
    }

    public async Task<bool> MayReadAsync(Actor actor, ProfessionalDifference difference, CancellationToken ct)
    {
        if (actor.Kind == ActorKind.System)
        {
            return true;
        }
        if (actor.AgencyId == difference.SubjectAgencyId || actor.PractitionerId == difference.RaisedById)
        {
            return true;
        }
        if (actor.IsInRole(Roles.PartnershipLead) && difference.Stages.Any(s => s.Number >= PartnershipStage))
        {
            return true;
        }
        return await children.CanSeeAsync(actor, difference.ChildId, ct);
    }

    /// <summary>The first stage a partnership lead answers.</summary>
    private int PartnershipStage => options.Value.Effective.Select((s, i) => (s, i)).Where(x => x.s.Responder == StageResponder.PartnershipLead)
        .Select(x => x.i + 1).DefaultIfEmpty(int.MaxValue).First();

    /// <summary>Practitioners who are partnership leads (they hear when a difference reaches the partnership).</summary>
    public static async Task<List<Party>> PartnershipLeadsAsync(ChildStoryDbContext db, CancellationToken ct)
    {
        var leads = from ur in db.UserRoles
                    join r in db.Roles on ur.RoleId equals r.Id
                    join u in db.Users on ur.UserId equals u.Id
                    where r.Name == Roles.PartnershipLead && u.PractitionerId != null
                    select u.PractitionerId!.Value;
        return await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && leads.Contains(p.Id)), ct);
    }

    /// <summary>The managers of an agency (those whom someone reports to).</summary>
    public static Task<List<Party>> AgencyManagersAsync(ChildStoryDbContext db, Guid agencyId, CancellationToken ct) =>
        ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.AgencyId == agencyId && db.Practitioners.Any(o => o.ManagerId == p.Id)), ct);
}
