using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Plans;

/// <summary>Keeps a plan's history: after every change, a numbered revision with what changed, who changed it, and the plan as it then stood.</summary>
internal static class PlanHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Call after adding new actions to the context and before saving: the snapshot includes unsaved changes.</summary>
    public static async Task AddAsync(ChildStoryDbContext db, Plan plan, string by, string change, CancellationToken ct)
    {
        var number = await db.PlanRevisions.Where(r => r.PlanId == plan.Id).Select(r => (int?)r.Number).MaxAsync(ct) ?? 0;
        number = Math.Max(number, db.ChangeTracker.Entries<PlanRevision>().Where(e => e.Entity.PlanId == plan.Id).Select(e => e.Entity.Number).DefaultIfEmpty().Max());
        var tracked = db.ChangeTracker.Entries<AgreedAction>().Select(e => e.Entity).Where(a => a.PlanId == plan.Id).ToDictionary(a => a.Id);
        var saved = await db.AgreedActions.AsNoTracking().Where(a => a.PlanId == plan.Id).ToListAsync(ct);
        var actions = saved.Select(a => tracked.GetValueOrDefault(a.Id) ?? a).Concat(tracked.Values.Where(t => saved.All(s => s.Id != t.Id))).OrderBy(a => a.DueOn);
        var snapshot = JsonSerializer.Serialize(new
        {
            kind = plan.Kind.ToString(),
            plan.StartedOn,
            plan.EndedOn,
            plan.NextReviewOn,
            lead = plan.LeadName,
            category = plan.Category?.ToString(),
            adultServices = plan.AdultServices.ToString(),
            outcomes = plan.Outcomes.OrderBy(o => o.Number).Select(o => new { o.Number, o.Text, progress = o.Progress.ToString(), o.ProgressNote }),
            actions = actions.Select(a => new { a.Description, owner = a.OwnerName, a.DueOn, status = a.Status.ToString(), a.Progress }),
            childVoice = plan.ChildVoice.Words,
            parentsViews = plan.Family.ParentsViews,
            madeWithFamily = plan.Family.MadeWithFamily,
        }, Json);
        db.PlanRevisions.Add(new PlanRevision(Guid.NewGuid(), plan.Id, number + 1, db.Time.GetUtcNow(), by, change.Length <= 1_000 ? change : change[..997] + "…", snapshot));
    }
}
