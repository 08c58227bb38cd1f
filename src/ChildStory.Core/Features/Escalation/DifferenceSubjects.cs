using ChildStory.Data;
using ChildStory.Domain.Escalation;
using ChildStory.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Escalation;

/// <summary>The share, referral, meeting, plan action, withdrawal or alert a difference is about, with the evidence for the pre-filled form.</summary>
public sealed record DifferenceSubject(DifferenceLink Link, Guid Id, string Text, Guid? AgencyId, string Evidence)
{
    /// <summary>The form's "from" value: "share:{id}".</summary>
    public string From => $"{Link.ToString().ToLowerInvariant()}:{Id}";
}

/// <summary>Reads a "kind:id" link into the thing it names, only if it belongs to the same child.</summary>
public static class DifferenceSubjects
{
    public static async Task<DifferenceSubject?> FindAsync(ChildStoryDbContext db, Guid childId, string? from, CancellationToken ct)
    {
        var parts = (from ?? "").Split(':', 2);
        if (parts.Length != 2 || !Guid.TryParse(parts[1], out var id))
        {
            return null;
        }
        var zone = "UTC";
        switch (parts[0].Trim().ToLowerInvariant())
        {
            case "share":
                var share = await db.Shares.AsNoTracking().Include(s => s.Recipients).SingleOrDefaultAsync(s => s.Id == id && s.ChildId == childId, ct);
                if (share is null) { return null; }
                var silent = share.Recipients.FirstOrDefault(r => r.AcknowledgedAt is null) ?? share.Recipients.FirstOrDefault();
                return new DifferenceSubject(DifferenceLink.Share, id, $"Share “{share.Subject}” sent {share.SentAt:d MMM yyyy}", silent?.AgencyId,
                    silent is null ? $"Shared by {share.SenderName} on {share.SentAt:d MMM yyyy HH:mm} {zone}."
                        : $"Shared by {share.SenderName} on {share.SentAt:d MMM yyyy HH:mm} {zone}; {silent.Name} was due to acknowledge it by {silent.DueAt:d MMM yyyy HH:mm} {zone}"
                          + (silent.AcknowledgedAt is null ? " and has not." : "."));
            case "referral":
                var referral = await db.Referrals.AsNoTracking().Include(r => r.Service).SingleOrDefaultAsync(r => r.Id == id && r.ChildId == childId, ct);
                if (referral is null) { return null; }
                return new DifferenceSubject(DifferenceLink.Referral, id, $"Referral to {referral.Service!.Name} made {referral.SentAt:d MMM yyyy}", referral.Service.AgencyId,
                    referral.Stage == ReferralStage.Declined
                        ? $"Referral by {referral.ReferrerName} on {referral.SentAt:d MMM yyyy} was declined: {referral.DeclineReason}"
                        : $"Referral by {referral.ReferrerName} on {referral.SentAt:d MMM yyyy} is at stage {referral.Stage}" + (referral.NextDueAt is { } due ? $"; its next step was due by {due:d MMM yyyy HH:mm} {zone}." : "."));
            case "meeting":
                var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.ChildId == childId, ct);
                if (meeting is null) { return null; }
                var what = Domain.Casework.Meeting.Describe(meeting.Type);
                return new DifferenceSubject(DifferenceLink.Meeting, id, $"{what} on {meeting.StartsAt:d MMM yyyy}", meeting.OrganiserAgencyId,
                    $"{what} arranged by {meeting.OrganiserName} on {meeting.ScheduledAt:d MMM yyyy} for {meeting.StartsAt:d MMM yyyy HH:mm} {zone}; status {meeting.Status}.");
            case "action":
                var action = await db.AgreedActions.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ChildId == childId, ct);
                if (action is null) { return null; }
                return new DifferenceSubject(DifferenceLink.PlanAction, id, $"Action “{action.Description}”", action.OwnerAgencyId,
                    $"Agreed on {action.AgreedAt:d MMM yyyy} for {action.OwnerName}, due {action.DueOn:d MMM yyyy}; status {action.Status}.");
            case "withdrawal":
                var withdrawal = await db.Withdrawals.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.ChildId == childId, ct);
                if (withdrawal is null) { return null; }
                return new DifferenceSubject(DifferenceLink.Withdrawal, id, $"Withdrawal proposed {withdrawal.ProposedAt:d MMM yyyy}", withdrawal.AgencyId,
                    $"{withdrawal.ProposedByName} proposed ending the agency's involvement: {withdrawal.Reason}. Risk of withdrawing: {withdrawal.Risk}."
                    + (withdrawal.LeavesOneAgency ? " It would leave one agency alone with a child on a plan." : ""));
            case "alert":
                var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.ChildId == childId, ct);
                if (alert is null) { return null; }
                return new DifferenceSubject(DifferenceLink.Alert, id, alert.Title, null, $"{alert.Summary} (alert raised {alert.RaisedAt:d MMM yyyy})");
            default:
                return null;
        }
    }
}
