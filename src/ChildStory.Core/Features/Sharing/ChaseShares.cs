using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>
/// Makes silence visible. For every recipient who has not acknowledged a share, three steps, each once and each at a
/// time fixed in advance from the due time on the partnership calendar (so a chaser that was down catches up, and a
/// second one running at the same moment cannot repeat a step):
/// 1. at the due time, the recipient's people are chased;
/// 2. one office day later (one hour for urgent shares), their managers are told;
/// 3. one office day after that, the sender's manager (and the sender) are told, with a prompt to start the
///    partnership's escalation process.
/// Every step lands in the child's story. Runs as a background job and as <c>childstory chase</c>.
/// </summary>
public sealed class ChaseShares(ChildStoryDbContext db, PartnershipCalendar calendar, Notifier notify)
{
    public sealed record Outcome(int Chased, int EscalatedToRecipientManagers, int EscalatedToSenderManagers);

    /// <summary>When each chase step falls due for a recipient, whatever has happened so far.</summary>
    public static (DateTimeOffset Chase, DateTimeOffset RecipientManager, DateTimeOffset SenderManager) Schedule(ShareRecipient r, ShareUrgency urgency, WorkingTime working)
    {
        var step = urgency == ShareUrgency.Immediate || r.OutOfHoursRoute
            ? DeadlineRule.CalendarHours(1)
            : DeadlineRule.WorkingHours((int)Math.Round((working.Closes - working.Opens).TotalHours));
        var second = working.Due(r.DueAt, step).Due;
        return (r.DueAt, second, working.Due(second, step).Due);
    }

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var waiting = await db.ShareRecipients.AsNoTracking()
            .Where(r => r.AcknowledgedAt == null && r.DueAt <= now && r.ChaseStep != ChaseStep.EscalatedToSenderManager)
            .OrderBy(r => r.DueAt).Select(r => r.Id).Take(1_000).ToListAsync(ct);
        var (chased, recipientManagers, senderManagers) = (0, 0, 0);
        foreach (var id in waiting)
        {
            var r = await db.ShareRecipients.Include(x => x.Share).SingleAsync(x => x.Id == id, ct);
            var share = r.Share!;
            var (chaseAt, recipientManagerAt, senderManagerAt) = Schedule(r, share.Urgency, working);
            if (r.ChaseStep < ChaseStep.Chased && now >= chaseAt)
            {
                await ChaseAsync(r, share, working, ct);
                chased++;
            }
            if (r.ChaseStep < ChaseStep.EscalatedToRecipientManager && now >= recipientManagerAt)
            {
                await EscalateToRecipientManagersAsync(r, share, ct);
                recipientManagers++;
            }
            if (r.ChaseStep < ChaseStep.EscalatedToSenderManager && now >= senderManagerAt)
            {
                await EscalateToSenderManagerAsync(r, share, ct);
                senderManagers++;
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The recipient answered, or another chaser took the step, at this very moment: nothing is repeated.
            }
            db.ChangeTracker.Clear();
        }
        var outcome = new Outcome(chased, recipientManagers, senderManagers);
        if (chased + recipientManagers + senderManagers > 0)
        {
            db.Audit(AuditActions.SharesChased, detail: JsonSerializer.Serialize(outcome));
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    private async Task ChaseAsync(ShareRecipient r, Share share, WorkingTime working, CancellationToken ct)
    {
        r.Chase(ChaseStep.Chased, db.Time.GetUtcNow());
        var members = await ShareParties.MembersAsync(db, r, ct);
        notify.Tell(members, share.ChildId, $"Overdue: information shared with {r.Name} has not been acknowledged",
            $"\"{share.Subject}\" from {share.SenderName} was due to be acknowledged by {working.Describe(r.DueAt)}.", $"/shares/{share.Id}");
        await FollowUpStory.WriteAsync(db, share.ChildId, share.SenderAgencyId, null, FollowUpStory.Automatic, EventType.ShareChased,
            $"{r.Name} had not acknowledged \"{share.Subject}\" by {working.Describe(r.DueAt)}: chased ({Names(members)})", false, ct);
    }

    private async Task EscalateToRecipientManagersAsync(ShareRecipient r, Share share, CancellationToken ct)
    {
        r.Chase(ChaseStep.EscalatedToRecipientManager, db.Time.GetUtcNow());
        var members = await ShareParties.MembersAsync(db, r, ct);
        var managers = await ShareParties.ManagersOfAsync(db, members.Select(m => m.PractitionerId), ct);
        notify.Tell(managers, share.ChildId, $"Escalated to you: {r.Name} has not acknowledged information about a child",
            $"\"{share.Subject}\" from {share.SenderName} is still unacknowledged after being chased.", $"/shares/{share.Id}");
        await FollowUpStory.WriteAsync(db, share.ChildId, share.SenderAgencyId, null, FollowUpStory.Automatic, EventType.ShareEscalated,
            managers.Count == 0
                ? $"{r.Name} still had not acknowledged \"{share.Subject}\" after being chased; no manager is recorded for them, so the sender's manager is told next"
                : $"{r.Name} still had not acknowledged \"{share.Subject}\" after being chased: escalated to {Names(managers)}", false, ct);
    }

    private async Task EscalateToSenderManagerAsync(ShareRecipient r, Share share, CancellationToken ct)
    {
        r.Chase(ChaseStep.EscalatedToSenderManager, db.Time.GetUtcNow());
        var sender = await ShareParties.PractitionerAsync(db, share.SenderId, ct);
        var managers = await ShareParties.ManagersOfAsync(db, [share.SenderId], ct);
        notify.Tell(managers.Concat(sender), share.ChildId, $"Consider escalation: {r.Name} has not acknowledged information about a child",
            $"\"{share.Subject}\" from {share.SenderName} is unacknowledged after chasing and escalation to {r.Name}'s managers. "
            + "If the information matters for the child's safety, start the partnership's escalation (resolving professional differences) process.",
            $"/shares/{share.Id}");
        await FollowUpStory.WriteAsync(db, share.ChildId, share.SenderAgencyId, null, FollowUpStory.Automatic, EventType.ShareEscalated,
            $"{r.Name} never acknowledged \"{share.Subject}\": escalated to the sender's manager ({(managers.Count == 0 ? "none recorded; the sender was told" : Names(managers))}) with a prompt to start the escalation process",
            true, ct);
    }

    private static string Names(IReadOnlyCollection<Party> parties) => parties.Count == 0 ? "nobody to tell" : string.Join(", ", parties.Select(p => p.Name));
}
