using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// When a notice of withdrawal runs out uncontested, the involvement ends; the team is told, and told again if the
/// agency held the lead professional role, because the child now needs a new one.
/// </summary>
public sealed class CompleteWithdrawals(ChildStoryDbContext db, Notifier notify)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var today = CaseworkAccess.Today(db);
        var due = await db.Withdrawals.Where(w => w.Status == WithdrawalStatus.UnderNotice && w.NoticeEndsAt < now).ToListAsync(ct);
        foreach (var withdrawal in due)
        {
            var involvement = await db.Involvements.Include(i => i.Agency).SingleAsync(i => i.Id == withdrawal.InvolvementId, ct);
            var wasLead = involvement.IsLeadProfessional;
            if (involvement.EndedOn is null)
            {
                involvement.End(today, $"Withdrew after notice to the team, uncontested: {withdrawal.Reason}");
            }
            withdrawal.Complete(today, now, "The notice ran out and no one contested it");
            var agency = involvement.Agency!.Name;
            await FollowUpStory.WriteAsync(db, withdrawal.ChildId, withdrawal.AgencyId, null, FollowUpStory.Automatic, EventType.InvolvementEnded,
                $"{agency} ended its involvement after notice to the team, uncontested. Reason: {withdrawal.Reason}"
                + (wasLead ? ". It held the lead professional role: the child has no lead professional until the team names one" : ""), true, ct);
            notify.Tell(await CaseworkAccess.TeamAroundAsync(db, withdrawal.ChildId, ct), withdrawal.ChildId,
                wasLead ? $"{agency} has withdrawn and the child has no lead professional" : $"{agency} has ended its involvement with a child",
                wasLead ? "Agree who will lead and name them on the child's team page." : "Its notice ran out uncontested.", $"/children/{withdrawal.ChildId}/team");
        }
        if (due.Count > 0)
        {
            db.Audit(Domain.Audit.AuditActions.WithdrawalDecided, detail: $"{{\"completedAfterNotice\":{due.Count}}}");
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }
}
