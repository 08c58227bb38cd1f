using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

public sealed record TeamAroundView(
    Guid ChildId, string ChildName, IReadOnlyList<ChildRecord.Worker> Workers, ChildRecord.Worker? Lead, bool LeadGap, bool CanWork, Guid? MyAgencyId,
    IReadOnlyList<(Guid Id, string Name)> Colleagues, IReadOnlyList<(Guid Id, string Name)> HeldMeetings, IReadOnlyList<WithdrawalView> Withdrawals);

public sealed record WithdrawalView(
    Guid Id, Guid ChildId, string ChildName, Guid InvolvementId, Guid AgencyId, string Agency, string Worker, string ProposedBy, DateTimeOffset ProposedAt,
    string Reason, WithdrawalRisk Risk, string RiskAssessment, WithdrawalRoute Route, DateTimeOffset? NoticeEndsAt, string? NoticeExplanation,
    bool LeavesOneAgency, string? RemainingAgency, WithdrawalStatus Status, string? ContestedBy, DateTimeOffset? ContestedAt, string? ContestReason,
    DateTimeOffset? DecidedAt, string? Decision, DateOnly? EndedOn, bool CanContest, bool CanCancel, bool CanDecide, IReadOnlyList<(Guid Id, string Name)> HeldMeetings);

/// <summary>The team around one child (who, in what role, who leads, changes under way), and one withdrawal in full.</summary>
public sealed class TeamQueries(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<TeamAroundView>> TeamAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var today = CaseworkAccess.Today(db);
        var workers = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId)
            .OrderBy(i => i.EndedOn != null && i.EndedOn < today).ThenByDescending(i => i.IsLeadProfessional).ThenBy(i => i.StartedOn)
            .Select(i => new ChildRecord.Worker(
                i.Id, i.Agency!.Name, i.Team == null ? null : i.Team.Name,
                i.Practitioner == null ? null : i.Practitioner.GivenName + " " + i.Practitioner.FamilyName,
                i.Practitioner == null ? null : i.Practitioner.JobTitle, i.Practitioner == null ? null : i.Practitioner.Email,
                i.Practitioner == null ? null : i.Practitioner.Phone,
                i.Role, i.IsLeadProfessional, i.StartedOn, i.EndedOn, i.EndReason, i.AgencyId, i.PractitionerId, i.HandedOverFromId, i.IntroducedOn))
            .ToListAsync(ct);
        var active = workers.Where(w => w.EndedOn is null || w.EndedOn >= today).ToList();
        var lead = active.FirstOrDefault(w => w.IsLeadProfessional);
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var canWork = actor.PractitionerId is not null && opened.Value is AccessBasis.Involvement or AccessBasis.FrontDoor;
        var colleagues = actor.AgencyId is { } agencyId
            ? await db.Practitioners.AsNoTracking().Where(p => p.AgencyId == agencyId && p.IsActive).OrderBy(p => p.FamilyName)
                .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName + ", " + p.JobTitle }).ToListAsync(ct)
            : [];
        var withdrawals = new List<WithdrawalView>();
        foreach (var id in await db.Withdrawals.AsNoTracking().Where(w => w.ChildId == childId).OrderByDescending(w => w.ProposedAt).Select(w => w.Id).ToListAsync(ct))
        {
            withdrawals.Add(await ViewAsync(actor, id, opened.Value, ct));
        }
        db.Audit(AuditActions.ChildViewed, childId, detail: $"{{\"basis\":\"{opened.Value}\",\"page\":\"team\"}}");
        await db.SaveChangesAsync(ct);
        return new TeamAroundView(childId, child, workers, lead, active.Where(w => !UniversalServices.IsUniversal(w.Role)).Select(w => w.AgencyId).Distinct().Count() >= 2 && lead is null, canWork, actor.AgencyId,
            colleagues.Select(c => (c.Id, c.Name)).ToList(), await HeldMeetingsAsync(childId, ct), withdrawals);
    }

    public async Task<Result<WithdrawalView>> WithdrawalAsync(Actor actor, Guid withdrawalId, CancellationToken ct = default)
    {
        var childId = await db.Withdrawals.AsNoTracking().Where(w => w.Id == withdrawalId).Select(w => (Guid?)w.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null)
        {
            return Error.NotFound("Withdrawal");
        }
        var opened = await access.OpenAsync(actor, childId.Value, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        db.Audit(AuditActions.ChildViewed, childId, subject: $"Withdrawal:{withdrawalId}", detail: $"{{\"basis\":\"{opened.Value}\"}}");
        await db.SaveChangesAsync(ct);
        return await ViewAsync(actor, withdrawalId, opened.Value, ct);
    }

    private async Task<WithdrawalView> ViewAsync(Actor actor, Guid id, AccessBasis basis, CancellationToken ct)
    {
        var w = await db.Withdrawals.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var names = await db.Agencies.AsNoTracking().Where(a => a.Id == w.AgencyId || a.Id == w.RemainingAgencyId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var worker = await db.Involvements.AsNoTracking().Where(i => i.Id == w.InvolvementId)
            .Select(i => i.Practitioner == null ? "No named worker" : i.Practitioner.GivenName + " " + i.Practitioner.FamilyName).SingleAsync(ct);
        var child = await db.People.AsNoTracking().Where(p => p.Id == w.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var now = db.Time.GetUtcNow();
        var working = basis is AccessBasis.Involvement or AccessBasis.FrontDoor && actor.PractitionerId is not null;
        return new WithdrawalView(w.Id, w.ChildId, child, w.InvolvementId, w.AgencyId, names[w.AgencyId], worker, w.ProposedByName, w.ProposedAt, w.Reason, w.Risk,
            w.RiskAssessment, w.Route, w.NoticeEndsAt, w.NoticeExplanation, w.LeavesOneAgency,
            w.RemainingAgencyId is { } r ? names.GetValueOrDefault(r) : null, w.Status, w.ContestedByName, w.ContestedAt, w.ContestReason, w.DecidedAt, w.Decision, w.EndedOn,
            CanContest: working && w.Status == WithdrawalStatus.UnderNotice && actor.AgencyId != w.AgencyId && w.NoticeEndsAt > now,
            CanCancel: working && w.IsOpen && actor.AgencyId == w.AgencyId,
            CanDecide: working && w.Status == WithdrawalStatus.Contested,
            await HeldMeetingsAsync(w.ChildId, ct));
    }

    private async Task<List<(Guid Id, string Name)>> HeldMeetingsAsync(Guid childId, CancellationToken ct) =>
        (await db.Meetings.AsNoTracking().Where(m => m.ChildId == childId && m.Status == MeetingStatus.Held).OrderByDescending(m => m.HeldAt)
            .Select(m => new { m.Id, m.Type, m.HeldAt }).ToListAsync(ct))
            .Select(m => (m.Id, $"{Meeting.Describe(m.Type)}, {m.HeldAt:d MMM yyyy}")).ToList();
}
