using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Referrals;
using ChildStory.Domain.Rules;
using ChildStory.Features.Access;
using ChildStory.Features.Rules.Library;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Escalation;

public enum StuckKind
{
    ShareEscalated,
    ReferralDeclined,
    ReferralWaiting,
    StrategyDiscussionLate,
    WithdrawalAgainstTeam,
    ActionOverdue,
    RuleAlert,
}

/// <summary>Something stuck for a child, with the link that pre-fills a difference, and whether one was raised about it.</summary>
public sealed record StuckItem(Guid ChildId, StuckKind Kind, string Text, DateTimeOffset Since, string From, Guid? AgencyId, bool DifferenceRaised)
{
    public string RaiseLink => $"/children/{ChildId}/differences/new?from={Uri.EscapeDataString(From)}";
}

/// <summary>
/// Where things are stuck, so that ChildStory can offer the escalation route: a share escalated after chasing and
/// still not acknowledged; a referral declined or waiting past its target; a strategy discussion not held when it
/// was due; an agency withdrawing against the team's view (contested, or leaving one agency alone); an agreed action
/// overdue; an open "escalation-offered" alert (the replayable form of the same checks, see Rules/Library).
/// </summary>
public sealed class StuckItems(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<List<StuckItem>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        return await FindAsync(db.People.Where(p => p.Id == childId).Select(p => p.Id), ct);
    }

    /// <summary>The stuck items of every child the actor may see (the front door and the system: every child).</summary>
    public async Task<List<StuckItem>> ForVisibleChildrenAsync(Actor actor, CancellationToken ct = default) =>
        await FindAsync(await access.VisibleChildIdsAsync(actor, ct), ct);

    /// <summary>Every stuck item among the given children (null: all), newest first.</summary>
    public async Task<List<StuckItem>> FindAsync(IQueryable<Guid>? children, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = new List<StuckItem>();
        var shares = db.ShareRecipients.AsNoTracking().Where(r => r.AcknowledgedAt == null && r.EscalatedToSenderManagerAt != null);
        var referrals = db.Referrals.AsNoTracking().Where(r => r.Stage == ReferralStage.Declined
            || (r.NextDueAt != null && r.NextDueAt < now && r.Stage != ReferralStage.Closed && r.Stage != ReferralStage.Withdrawn));
        var meetings = db.Meetings.AsNoTracking().Where(m => m.Type == MeetingType.StrategyDiscussion && m.Status == MeetingStatus.Scheduled && m.StartsAt < now);
        var withdrawals = db.Withdrawals.AsNoTracking().Where(w => w.Status == WithdrawalStatus.Contested || (w.Status == WithdrawalStatus.UnderNotice && w.LeavesOneAgency));
        var actions = db.AgreedActions.AsNoTracking().Where(a => a.Status == ActionStatus.Open && a.DueOn < today);
        var alerts = db.Alerts.AsNoTracking().Where(a => a.RuleId == EscalationOffered.RuleId && (a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged));
        if (children is not null)
        {
            shares = shares.Where(r => children.Contains(r.Share!.ChildId));
            referrals = referrals.Where(r => children.Contains(r.ChildId));
            meetings = meetings.Where(m => children.Contains(m.ChildId));
            withdrawals = withdrawals.Where(w => children.Contains(w.ChildId));
            actions = actions.Where(a => children.Contains(a.ChildId));
            alerts = alerts.Where(a => children.Contains(a.ChildId));
        }
        foreach (var r in await shares.Select(r => new { r.ShareId, r.Share!.ChildId, r.Share.Subject, r.Name, r.AgencyId, r.DueAt }).Take(1_000).ToListAsync(ct))
        {
            items.Add(new(r.ChildId, StuckKind.ShareEscalated, $"Share “{r.Subject}” to {r.Name} escalated after chasing and still not acknowledged", r.DueAt, $"share:{r.ShareId}", r.AgencyId, false));
        }
        foreach (var r in await referrals.Select(r => new { r.Id, r.ChildId, Service = r.Service!.Name, r.Service.AgencyId, r.Stage, r.DecidedAt, r.DeclineReason, r.NextDueAt, r.SentAt }).Take(1_000).ToListAsync(ct))
        {
            items.Add(r.Stage == ReferralStage.Declined
                ? new(r.ChildId, StuckKind.ReferralDeclined, $"Referral to {r.Service} declined: {r.DeclineReason}", r.DecidedAt ?? r.SentAt, $"referral:{r.Id}", r.AgencyId, false)
                : new(r.ChildId, StuckKind.ReferralWaiting, $"Referral to {r.Service} waiting past its target ({r.Stage})", r.NextDueAt!.Value, $"referral:{r.Id}", r.AgencyId, false));
        }
        foreach (var m in await meetings.Select(m => new { m.Id, m.ChildId, m.StartsAt, m.OrganiserAgencyId }).Take(1_000).ToListAsync(ct))
        {
            items.Add(new(m.ChildId, StuckKind.StrategyDiscussionLate, $"Strategy discussion due on {m.StartsAt:d MMM yyyy} not recorded as held", m.StartsAt, $"meeting:{m.Id}", m.OrganiserAgencyId, false));
        }
        foreach (var w in await withdrawals.Select(w => new { w.Id, w.ChildId, w.AgencyId, w.ProposedAt, w.Status, Agency = db.Agencies.Where(a => a.Id == w.AgencyId).Select(a => a.Name).FirstOrDefault() }).Take(1_000).ToListAsync(ct))
        {
            items.Add(new(w.ChildId, StuckKind.WithdrawalAgainstTeam, w.Status == WithdrawalStatus.Contested
                ? $"{w.Agency} is withdrawing and the team contested it" : $"{w.Agency} is withdrawing and would leave one agency alone", w.ProposedAt, $"withdrawal:{w.Id}", w.AgencyId, false));
        }
        foreach (var a in await actions.Select(a => new { a.Id, a.ChildId, a.Description, a.OwnerName, a.OwnerAgencyId, a.DueOn }).Take(1_000).ToListAsync(ct))
        {
            items.Add(new(a.ChildId, StuckKind.ActionOverdue, $"Action “{a.Description}” ({a.OwnerName}) overdue since {a.DueOn:d MMM yyyy}",
                new DateTimeOffset(a.DueOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), $"action:{a.Id}", a.OwnerAgencyId, false));
        }
        var listed = items.Select(i => i.From.Split(':')[1]).ToHashSet();
        foreach (var a in await alerts.Select(a => new { a.Id, a.ChildId, a.Summary, a.RaisedAt, a.EvidenceJson }).Take(1_000).ToListAsync(ct))
        {
            // The rule's own findings about shares, referrals and actions are already listed from the live data.
            if (!listed.Any(id => a.EvidenceJson.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                items.Add(new(a.ChildId, StuckKind.RuleAlert, a.Summary, a.RaisedAt, $"alert:{a.Id}", null, false));
            }
        }
        if (items.Count == 0)
        {
            return items;
        }
        var childIds = items.Select(i => i.ChildId).Distinct().ToList();
        var raised = await db.ProfessionalDifferences.AsNoTracking().Where(d => childIds.Contains(d.ChildId))
            .Select(d => new { d.ChildId, d.LinkId, d.RaisedAt }).ToListAsync(ct);
        return items.Select(i => i with
        {
            DifferenceRaised = raised.Any(d => d.LinkId is { } link && i.From.EndsWith(link.ToString(), StringComparison.OrdinalIgnoreCase)),
        }).OrderByDescending(i => i.Since).ToList();
    }
}
