using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>
/// Escalates every referral whose next step is overdue, once per missed step: the service's managers and the referrer
/// are told, and the miss is written into the child's story (significant when the referral was a critical moment).
/// Runs with the share chaser (every minute, and <c>childstory chase</c>).
/// </summary>
public sealed class ChaseReferrals(ChildStoryDbContext db, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var overdue = await db.Referrals.Include(r => r.Service)
            .Where(r => r.NextDueAt != null && r.NextDueAt < now && (r.EscalatedForDueAt == null || r.EscalatedForDueAt != r.NextDueAt))
            .OrderBy(r => r.NextDueAt).Take(500).ToListAsync(ct);
        foreach (var r in overdue)
        {
            var service = r.Service!;
            var team = await db.Practitioners.AsNoTracking().Where(p => p.TeamId == service.TeamId && p.IsActive).Select(p => p.Id).ToListAsync(ct);
            var managers = await ShareParties.ManagersOfAsync(db, team, ct);
            var referrer = await ShareParties.PractitionerAsync(db, r.ReferrerId, ct);
            var step = r.NextStage is { } next ? Referral.Words(next) : "the next step";
            var summary = $"Referral to {service.Name} missed its target: '{step}' was due {working.Describe(r.NextDueAt!.Value)}"
                + (r.CriticalMomentAt is null ? "" : " (critical moment: the child said they were ready)")
                + $". Escalated to {(managers.Count == 0 ? "the service (no manager recorded)" : string.Join(", ", managers.Select(m => m.Name)))}";
            notify.Tell(managers.Concat(referrer), r.ChildId, $"Overdue referral to {service.Name}", summary, $"/referrals/{r.Id}");
            await ReferralStory.WriteAsync(db, r, service.AgencyId, null, FollowUpStory.Automatic, EventType.ReferralOverdue, summary, r.CriticalMomentAt is not null, ct);
            r.Escalated(r.NextDueAt!.Value);
        }
        if (overdue.Count > 0)
        {
            db.Audit(AuditActions.ReferralsChased, detail: JsonSerializer.Serialize(new { escalated = overdue.Count }));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A referral moved on (or another chaser escalated it) at this moment: the next run looks again.
            return 0;
        }
        return overdue.Count;
    }
}
