using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Rules;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

/// <summary>
/// A person records what was decided about an alert: acknowledged (seen, being considered), acted on (what was done) or
/// dismissed (why). The decision lands in the child's story and is audited; the rule never decides.
/// </summary>
public sealed class DecideAlert(ChildStoryDbContext db, CaseworkAccess access)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid alertId, AlertStatus? decision, string? outcome, CancellationToken ct = default)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            return Error.NotFound("Alert");
        }
        var opened = await access.OpenForWorkAsync(actor, alert.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (decision is null)
        {
            return Error.Invalid("Decision", "Choose what was decided");
        }
        if ((outcome?.Trim().Length ?? 0) > 2_000)
        {
            return Error.Invalid("Outcome", "The note must be 2,000 characters or fewer");
        }
        var decided = alert.Decide(decision.Value, outcome, actor.Name, db.Time.GetUtcNow());
        if (!decided.Succeeded)
        {
            return decided;
        }
        await FollowUpStory.WriteAsync(db, alert.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.AlertDecided,
            $"Alert \"{alert.Title}\" {Words(decision.Value)} by {actor.Name}{(alert.Outcome is null ? "" : $": {alert.Outcome}")}", decision == AlertStatus.Actioned, ct);
        db.Audit(AuditActions.AlertDecided, alert.ChildId, subject: $"Alert:{alert.Id}", detail: $"{{\"rule\":\"{alert.RuleId}\",\"decision\":\"{decision}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else decided this alert at the same time: look at it again");
        }
        return true;
    }

    public static string Words(AlertStatus status) => status switch
    {
        AlertStatus.Acknowledged => "acknowledged",
        AlertStatus.Actioned => "acted on",
        AlertStatus.Dismissed => "dismissed",
        _ => "open",
    };
}
