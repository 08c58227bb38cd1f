using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// Records what the multi-agency meeting decided about a contested withdrawal: the agency goes (its involvement ends
/// today) or stays. The proposer may instead cancel a withdrawal that is still open.
/// </summary>
public sealed class DecideWithdrawal(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<bool>> DecideAsync(Actor actor, Guid withdrawalId, bool? agreed, Guid? meetingId, string? decision, CancellationToken ct = default)
    {
        var (withdrawal, error) = await OpenAsync(actor, withdrawalId, ct);
        if (withdrawal is null)
        {
            return error!;
        }
        var errors = new ValidationErrors();
        if (agreed is null) { errors.Add("Agreed", "Choose what the meeting decided"); }
        var meeting = meetingId is { } mid ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mid && m.ChildId == withdrawal.ChildId, ct) : null;
        if (meeting is null) { errors.Add("MeetingId", "Choose the meeting about this child that decided"); }
        else if (meeting.Status != MeetingStatus.Held) { errors.Add("MeetingId", "That meeting has not been recorded as held"); }
        var text = decision?.Trim() ?? "";
        if (text.Length == 0) { errors.Add("Decision", "Record the meeting's decision and its reasons"); }
        errors.MaxLength("Decision", text, 4_000, "The decision");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var now = db.Time.GetUtcNow();
        var resolved = withdrawal.Resolve(agreed!.Value, meeting!.Id, text, now);
        if (!resolved.Succeeded)
        {
            return resolved;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == withdrawal.AgencyId).Select(a => a.Name).SingleAsync(ct);
        if (agreed.Value)
        {
            var involvement = await db.Involvements.SingleAsync(i => i.Id == withdrawal.InvolvementId, ct);
            if (involvement.EndedOn is null)
            {
                involvement.End(withdrawal.EndedOn!.Value, $"Withdrawal agreed at the {Meeting.Describe(meeting.Type).ToLowerInvariant()}: {withdrawal.Reason}");
            }
        }
        await FollowUpStory.WriteAsync(db, withdrawal.ChildId, withdrawal.AgencyId, actor.PractitionerId, actor.Name, EventType.WithdrawalDecided,
            $"The {Meeting.Describe(meeting.Type).ToLowerInvariant()} decided that {agency} {(agreed.Value ? "ends" : "continues")} its involvement: {text}", true, ct);
        await TellAsync(withdrawal, $"Decided: {agency} {(agreed.Value ? "ends" : "continues")} its involvement with a child", ct);
        db.Audit(AuditActions.WithdrawalDecided, withdrawal.ChildId, subject: $"Withdrawal:{withdrawal.Id}", detail: $"{{\"agreed\":{(agreed.Value ? "true" : "false")}}}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Result<bool>> CancelAsync(Actor actor, Guid withdrawalId, string? reason, CancellationToken ct = default)
    {
        var (withdrawal, error) = await OpenAsync(actor, withdrawalId, ct);
        if (withdrawal is null)
        {
            return error!;
        }
        if (actor.AgencyId != withdrawal.AgencyId)
        {
            return Error.Forbidden("Only the withdrawing agency can cancel its withdrawal");
        }
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("CancelReason", "Say why your agency is staying involved");
        }
        var cancelled = withdrawal.Cancel(text, db.Time.GetUtcNow());
        if (!cancelled.Succeeded)
        {
            return cancelled;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == withdrawal.AgencyId).Select(a => a.Name).SingleAsync(ct);
        await FollowUpStory.WriteAsync(db, withdrawal.ChildId, withdrawal.AgencyId, actor.PractitionerId, actor.Name, EventType.WithdrawalDecided,
            $"{agency} withdrew its notice and stays involved: {text}", false, ct);
        await TellAsync(withdrawal, $"{agency} is staying involved with a child", ct);
        db.Audit(AuditActions.WithdrawalDecided, withdrawal.ChildId, subject: $"Withdrawal:{withdrawal.Id}", detail: "{\"cancelled\":true}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<(Withdrawal?, Error?)> OpenAsync(Actor actor, Guid withdrawalId, CancellationToken ct)
    {
        var withdrawal = await db.Withdrawals.SingleOrDefaultAsync(w => w.Id == withdrawalId, ct);
        if (withdrawal is null)
        {
            return (null, Error.NotFound("Withdrawal"));
        }
        var opened = await access.OpenForWorkAsync(actor, withdrawal.ChildId, ct);
        return opened.Succeeded ? (withdrawal, null) : (null, opened.Error);
    }

    private async Task TellAsync(Withdrawal withdrawal, string title, CancellationToken ct) =>
        notify.Tell([.. await CaseworkAccess.TeamAroundAsync(db, withdrawal.ChildId, ct), .. await ShareParties.PractitionerAsync(db, withdrawal.ProposedById, ct)],
            withdrawal.ChildId, title, "See the decision and its reasons.", $"/withdrawals/{withdrawal.Id}");
}
