using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>
/// Need-to-know from education facts (README): a roll gives the school's designated safeguarding lead an involvement,
/// an EHC assessment or plan gives the local authority's SEND team one, a placement gives the provider one, each
/// ended when the fact ends. Access itself stays in <see cref="Access.ChildAccess"/>, which reads involvements.
/// </summary>
public sealed class EducationAccess(ChildStoryDbContext db, CaseworkAccess casework)
{
    /// <summary>Only a practitioner who may work on the child's record (not broken glass) records education facts.</summary>
    public Task<Result<Access.AccessBasis>> OpenAsync(Actor actor, Guid childId, CancellationToken ct) => casework.OpenForWorkAsync(actor, childId, ct);

    /// <summary>The agency's current involvement with the child in this role, or a new one from <paramref name="from"/> (null when one already existed).</summary>
    public async Task<Guid?> InvolveAsync(Guid childId, Guid agencyId, Guid? teamId, InvolvementRole role, DateOnly from, CancellationToken ct)
    {
        var today = CaseworkAccess.Today(db);
        var existing = await db.Involvements.AnyAsync(i => i.ChildId == childId && i.AgencyId == agencyId && (teamId == null || i.TeamId == teamId)
            && (i.EndedOn == null || i.EndedOn >= today), ct);
        if (existing)
        {
            return null;
        }
        var involvement = new Involvement(Guid.NewGuid(), childId, agencyId, teamId, null, role, from);
        db.Involvements.Add(involvement);
        return involvement.Id;
    }

    /// <summary>Ends an involvement an education fact created, when the fact ends (a school roll, a placement, a plan).</summary>
    public async Task EndAsync(Guid? involvementId, DateOnly on, string reason, CancellationToken ct)
    {
        if (involvementId is not { } id)
        {
            return;
        }
        var involvement = await db.Involvements.SingleOrDefaultAsync(i => i.Id == id && i.EndedOn == null, ct);
        involvement?.End(on < involvement.StartedOn ? involvement.StartedOn : on, reason);
    }

    /// <summary>The SEND team named, or the partnership's (the first active team with that function, by name).</summary>
    public async Task<Team?> SendTeamAsync(Guid? teamId, CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => t.Function == TeamFunction.Send && t.IsActive && (teamId == null || t.Id == teamId)).OrderBy(t => t.Name).FirstOrDefaultAsync(ct);

    /// <summary>The partnership's education team (inclusion, children missing education, home education), if it has one.</summary>
    public async Task<Team?> EducationTeamAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => t.Function == TeamFunction.Education && t.IsActive).OrderBy(t => t.Name).FirstOrDefaultAsync(ct);

    /// <summary>Writes the fact into the child's story and the audit log.</summary>
    public async Task RecordAsync(Actor actor, Guid childId, EventType type, string summary, string subject, bool significant, CancellationToken ct)
    {
        await FollowUpStory.WriteAsync(db, childId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, type, summary, significant, ct);
        db.Audit(AuditActions.EducationRecorded, childId, subject: subject);
    }

    public static DateOnly Today(ChildStoryDbContext db) => CaseworkAccess.Today(db);

    /// <summary>The name of the school, if it holds the child on roll now (null otherwise, or when no school was chosen).</summary>
    public async Task<string?> SchoolOnRollAsync(Guid childId, Guid? schoolId, CancellationToken ct) =>
        schoolId is { } id
            ? await db.Enrolments.AsNoTracking().Where(e => e.ChildId == childId && e.SchoolId == id && e.EndedOn == null)
                .Join(db.Agencies, e => e.SchoolId, a => a.Id, (e, a) => a.Name).FirstOrDefaultAsync(ct)
            : null;
}
