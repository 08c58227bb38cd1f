using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.Referrals;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>A practitioner's inbox: what needs them, what they are waiting on, what is late, and their notifications.</summary>
public sealed record Inbox(
    IReadOnlyList<Inbox.Item> NeedsMyAction,
    IReadOnlyList<Inbox.Item> WaitingOnOthers,
    IReadOnlyList<Inbox.Item> Late,
    IReadOnlyList<Inbox.Message> Notifications,
    IReadOnlyList<Inbox.ReferralItem> ReferralsForMyTeam,
    IReadOnlyList<Inbox.ReferralItem> ReferralsIMade,
    int? ContactsAwaitingDecision)
{
    /// <summary>An open referral: which child, which service, the stage it is at and when its next step is due.</summary>
    public sealed record ReferralItem(Guid ReferralId, string ChildName, string Service, string Stage, string? DueText, bool Overdue, bool CriticalMoment);

    /// <summary>One recipient of one share: about which child, from or to whom, its state and when it is due.</summary>
    public sealed record Item(Guid ShareId, Guid ChildId, string ChildName, string Subject, string Counterpart, RecipientStatus Status,
        bool Late, string DueText, DateTimeOffset DueAt);

    public sealed record Message(Guid Id, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool Unread);
}

/// <summary>
/// Builds the inbox from the shares themselves, so it can never disagree with them: shares sent to the practitioner,
/// their team or (for front-door staff) their agency that are not yet actioned; shares they sent that someone has
/// not actioned; and, from both, everything past its acknowledgement deadline. Notifications are the latest 50.
/// </summary>
public sealed class GetInbox(ChildStoryDbContext db, PartnershipCalendar calendar)
{
    public async Task<Result<Inbox>> RunAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } me)
        {
            return Error.Forbidden("The inbox is for practitioners");
        }
        var practitioner = await db.Practitioners.AsNoTracking().Where(p => p.Id == me)
            .Select(p => new { p.AgencyId, p.TeamId, FrontDoor = p.Team != null && p.Team.Function == TeamFunction.FrontDoor }).SingleAsync(ct);
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);

        var forMe = db.ShareRecipients.AsNoTracking().Where(r => r.ActionedAt == null && (
            (r.Kind == RecipientKind.Practitioner && r.PractitionerId == me)
            || (r.Kind == RecipientKind.Team && r.TeamId == practitioner.TeamId)
            || (r.Kind == RecipientKind.Agency && r.AgencyId == practitioner.AgencyId && practitioner.FrontDoor)));
        var fromMe = db.ShareRecipients.AsNoTracking().Where(r => r.ActionedAt == null && r.Share!.SenderId == me);
        var needs = await ItemsAsync(forMe, counterpartIsSender: true, ct);
        var waiting = await ItemsAsync(fromMe, counterpartIsSender: false, ct);
        Inbox.Item Shape(Row r) => new(r.ShareId, r.ChildId, r.ChildName, r.Subject, r.Counterpart, r.Status, r.Late(now), working.Describe(r.DueAt), r.DueAt);

        var notifications = await db.Notifications.AsNoTracking().Where(n => n.PractitionerId == me)
            .OrderByDescending(n => n.CreatedAt).Take(50)
            .Select(n => new Inbox.Message(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt == null)).ToListAsync(ct);
        var needsItems = needs.Select(Shape).OrderBy(i => i.DueAt).ToList();
        var waitingItems = waiting.Select(Shape).OrderBy(i => i.DueAt).ToList();

        var open = db.Referrals.AsNoTracking().Where(r => r.Stage != ReferralStage.Declined && r.Stage != ReferralStage.Closed && r.Stage != ReferralStage.Withdrawn);
        var forTeam = await ReferralItemsAsync(open.Where(r => practitioner.TeamId != null && r.Service!.TeamId == practitioner.TeamId), working, now, ct);
        var made = await ReferralItemsAsync(open.Where(r => r.ReferrerId == me), working, now, ct);
        int? contacts = actor.IsInRole(Roles.FrontDoor) || practitioner.FrontDoor ? await db.Contacts.CountAsync(c => c.DecidedAt == null, ct) : null;
        return new Inbox(needsItems, waitingItems, needsItems.Concat(waitingItems).Where(i => i.Late).OrderBy(i => i.DueAt).ToList(), notifications,
            forTeam, made, contacts);
    }

    private sealed record Row(Guid ShareId, Guid ChildId, string ChildName, string Subject, string Counterpart, DateTimeOffset DueAt,
        DateTimeOffset? ReadAt, DateTimeOffset? AcknowledgedAt)
    {
        public RecipientStatus Status => AcknowledgedAt is not null ? RecipientStatus.Acknowledged : ReadAt is not null ? RecipientStatus.Read : RecipientStatus.Sent;

        public bool Late(DateTimeOffset now) => AcknowledgedAt is { } at ? at > DueAt : now > DueAt;
    }

    /// <summary>Shares to answer show who sent them; shares sent show whom they went to.</summary>
    private async Task<List<Row>> ItemsAsync(IQueryable<ShareRecipient> recipients, bool counterpartIsSender, CancellationToken ct)
    {
        var rows = await recipients.OrderBy(r => r.DueAt).Take(200)
            .Select(r => new { r.ShareId, r.Share!.ChildId, r.Share.Subject, r.Share.SenderName, r.Name, r.DueAt, r.ReadAt, r.AcknowledgedAt })
            .ToListAsync(ct);
        var childIds = rows.Select(r => r.ChildId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return rows.Select(r => new Row(r.ShareId, r.ChildId, names.GetValueOrDefault(r.ChildId, "Unknown child"), r.Subject, counterpartIsSender ? r.SenderName : r.Name,
            r.DueAt, r.ReadAt, r.AcknowledgedAt)).ToList();
    }

    private async Task<List<Inbox.ReferralItem>> ReferralItemsAsync(IQueryable<Referral> referrals, WorkingTime working, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await referrals.OrderBy(r => r.NextDueAt).Take(200)
            .Select(r => new { r.Id, r.ChildId, Service = r.Service!.Name, r.Stage, r.NextDueAt, r.CriticalMomentAt }).ToListAsync(ct);
        var ids = rows.Select(r => r.ChildId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return rows.Select(r => new Inbox.ReferralItem(r.Id, names.GetValueOrDefault(r.ChildId, "Unknown child"), r.Service, Referral.Words(r.Stage),
            r.NextDueAt is { } due ? working.Describe(due) : null, r.NextDueAt is { } d && now > d, r.CriticalMomentAt is not null))
            .OrderByDescending(r => r.CriticalMoment).ThenByDescending(r => r.Overdue).ToList();
    }
}
