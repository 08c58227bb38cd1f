using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Access;
using ChildStory.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Plans;

public sealed record PlanSummary(Guid Id, PlanKind Kind, DateOnly StartedOn, DateOnly NextReviewOn, DateOnly? EndedOn, string LeadName,
    bool ReviewOverdue, bool VoiceMissing, bool FamilyViewsMissing, int OpenActions, int OverdueActions);

public sealed record PlanRevisionView(int Number, DateTimeOffset At, string By, string Change);

public sealed record PlanView(
    Guid Id, Guid ChildId, string ChildName, PlanKind Kind, DateOnly StartedOn, DateOnly NextReviewOn, DateOnly? EndedOn, string? EndReason, string LeadName,
    ProtectionCategory? Category, AdultServices AdultServices, ChildVoice Voice, FamilyViews Family, bool VoiceMissing, bool FamilyViewsMissing, bool ReviewOverdue,
    IReadOnlyList<PlanOutcome> Outcomes, IReadOnlyList<ActionView> Actions, IReadOnlyList<PlanReview> Reviews, IReadOnlyList<PlanRevisionView> History,
    bool CanChange, IReadOnlyList<(Guid Id, string Name)> People, IReadOnlyList<(Guid Id, string Name)> Agencies, IReadOnlyList<(Guid Id, string Name)> HeldMeetings);

/// <summary>A child's plans, and one plan in full with its history, for the team around the child (a practitioner outside it is told it does not exist).</summary>
public sealed class PlanQueries(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<List<PlanSummary>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        return await SummariesAsync(db, [childId], ct);
    }

    /// <summary>Plans of these children, newest first, with their flags (read in three queries whatever their number).</summary>
    internal static async Task<List<PlanSummary>> SummariesAsync(ChildStoryDbContext db, IReadOnlyCollection<Guid> childIds, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Reviews).Where(p => childIds.Contains(p.ChildId)).OrderByDescending(p => p.StartedOn).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.PlanId != null && planIds.Contains(a.PlanId.Value) && a.Status == ActionStatus.Open)
            .Select(a => new { a.PlanId, a.DueOn }).ToListAsync(ct);
        return plans.Select(p => new PlanSummary(p.Id, p.Kind, p.StartedOn, p.NextReviewOn, p.EndedOn, p.LeadName, p.IsActive && p.NextReviewOn < today,
            p.VoiceMissing, p.FamilyViewsMissing, actions.Count(a => a.PlanId == p.Id), actions.Count(a => a.PlanId == p.Id && a.DueOn < today))).ToList();
    }

    public async Task<Result<PlanView>> GetAsync(Actor actor, Guid planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Reviews).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return Error.NotFound("Plan");
        }
        var opened = await access.OpenAsync(actor, plan.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var child = await db.People.AsNoTracking().Where(p => p.Id == plan.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var actions = await db.AgreedActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Status).ThenBy(a => a.DueOn).ToListAsync(ct);
        var history = await db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == planId).OrderByDescending(r => r.Number)
            .Select(r => new PlanRevisionView(r.Number, r.At, r.By, r.Change)).ToListAsync(ct);
        var people = await db.Involvements.AsNoTracking().Where(i => i.ChildId == plan.ChildId && i.PractitionerId != null && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { Id = i.PractitionerId!.Value, Name = i.Practitioner!.GivenName + " " + i.Practitioner.FamilyName + ", " + i.Agency!.Name }).Distinct().ToListAsync(ct);
        var agencies = await db.Involvements.AsNoTracking().Where(i => i.ChildId == plan.ChildId && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { i.AgencyId, i.Agency!.Name }).Distinct().ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.ChildId == plan.ChildId && m.Status == MeetingStatus.Held).OrderByDescending(m => m.HeldAt)
            .Select(m => new { m.Id, m.Type, m.HeldAt }).ToListAsync(ct);
        db.Audit(AuditActions.PlanViewed, plan.ChildId, subject: $"Plan:{plan.Id}", detail: $"{{\"basis\":\"{opened.Value}\"}}");
        await db.SaveChangesAsync(ct);
        return new PlanView(plan.Id, plan.ChildId, child, plan.Kind, plan.StartedOn, plan.NextReviewOn, plan.EndedOn, plan.EndReason, plan.LeadName, plan.Category,
            plan.AdultServices, plan.ChildVoice, plan.Family, plan.VoiceMissing, plan.FamilyViewsMissing, plan.IsActive && plan.NextReviewOn < today,
            plan.Outcomes.OrderBy(o => o.Number).ToList(), actions.Select(a => Views.Action(a, today)).ToList(),
            plan.Reviews.OrderByDescending(r => r.ReviewedOn).ToList(), history,
            plan.IsActive && opened.Value is AccessBasis.Involvement or AccessBasis.FrontDoor,
            people.OrderBy(p => p.Name).Select(p => (p.Id, p.Name)).ToList(), agencies.OrderBy(a => a.Name).Select(a => (a.AgencyId, a.Name)).ToList(),
            meetings.Select(m => (m.Id, $"{Meeting.Describe(m.Type)}, {m.HeldAt:d MMM yyyy}")).ToList());
    }
}
