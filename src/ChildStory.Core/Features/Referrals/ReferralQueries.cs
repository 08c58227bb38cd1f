using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>A referral as the page shows it, with each step's time and whether the viewer can move it on.</summary>
public sealed record ReferralView(
    Guid Id, Guid ChildId, string ChildName, Guid ServiceId, string Service, string ReferrerName, string Reason, ReferralStage Stage,
    IReadOnlyList<(string Step, string When)> Steps, string? NextDueText, string? NextDueExplanation, bool Overdue, int DaysWaiting,
    string? CriticalMoment, bool IsServiceTeam, bool IsReferrer, bool CanMarkCriticalMoment);

/// <summary>One child waiting on a service: since when, at which step, and against which target.</summary>
public sealed record WaitingChild(Guid ReferralId, Guid ChildId, string ChildName, ReferralStage Stage, int DaysWaiting, string? NextDueText, bool Overdue, bool CriticalMoment);

public sealed record ServiceWaits(Guid ServiceId, string Service, ServiceTargets Targets, int Open, int Overdue, double? MedianDaysToFirstContact, IReadOnlyList<WaitingChild> Waiting);

/// <summary>
/// What the pages read about referrals: one referral (for its referrer, the service's team, or anyone who may read
/// the child's record), a child's referrals, and a service's waiting list — who is waiting, how long, against target
/// (for the service's own team and for managers). Each read of a child's referral is audited.
/// </summary>
public sealed class ReferralQueries(ChildStoryDbContext db, ChildAccess access, ReferralAccess referrals, PartnershipCalendar calendar)
{
    public async Task<Result<ReferralView>> GetAsync(Actor actor, Guid referralId, CancellationToken ct = default)
    {
        var r = await db.Referrals.AsNoTracking().Include(x => x.Service).SingleOrDefaultAsync(x => x.Id == referralId, ct);
        if (r is null)
        {
            return Error.NotFound("Referral");
        }
        var isService = await referrals.InServiceTeamAsync(actor, r.ServiceId, ct);
        var isReferrer = actor.PractitionerId == r.ReferrerId;
        var canSeeChild = await access.CanSeeAsync(actor, r.ChildId, ct);
        if (await referrals.BasisAsync(actor, r.Id, ct) == AccessBasis.None)
        {
            db.Audit(AuditActions.ChildAccessDenied, r.ChildId, subject: $"Referral:{r.Id}");
            await db.SaveChangesAsync(ct);
            return Error.NotFound("Referral");
        }
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        string W(DateTimeOffset t) => working.Describe(t);
        var steps = new List<(string, string)> { ("Sent", $"{W(r.SentAt)} by {r.ReferrerName}") };
        if (r.ReceivedAt is { } rec) { steps.Add(("Received", W(rec))); }
        if (r.DecidedAt is { } dec) { steps.Add((r.Stage == ReferralStage.Declined ? "Declined" : "Accepted", W(dec) + (r.DeclineReason is null ? "" : $": {r.DeclineReason}"))); }
        if (r.AllocatedAt is { } al) { steps.Add(("Allocated", $"{W(al)} to {r.AllocatedTo}")); }
        if (r.FirstContactAt is { } fc) { steps.Add(("First contact", W(fc))); }
        if (r.ClosedAt is { } cl) { steps.Add(("Closed", W(cl) + (r.ClosingNote is null ? "" : $": {r.ClosingNote}"))); }
        if (r.WithdrawnAt is { } wd) { steps.Add(("Withdrawn", $"{W(wd)}: {r.WithdrawReason}")); }
        var child = await db.People.AsNoTracking().Where(p => p.Id == r.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        db.Audit(AuditActions.ReferralViewed, r.ChildId, subject: $"Referral:{r.Id}");
        await db.SaveChangesAsync(ct);
        return new ReferralView(r.Id, r.ChildId, child, r.ServiceId, r.Service!.Name, r.ReferrerName, r.Reason, r.Stage, steps,
            r.NextDueAt is { } due ? W(due) : null, r.NextDueExplanation, r.IsOverdue(now), DaysWaiting(r, now),
            r.CriticalMomentAt is { } cm ? $"{W(cm)}: {r.CriticalMomentNote}" : null, isService, isReferrer,
            canSeeChild && r.IsOpen && r.CriticalMomentAt is null && r.Stage != ReferralStage.FirstContact);
    }

    public async Task<Result<IReadOnlyList<WaitingChild>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Service).Where(r => r.ChildId == childId).OrderByDescending(r => r.SentAt).ToListAsync(ct);
        return referrals.Select(r => new WaitingChild(r.Id, r.ChildId, r.Service!.Name, r.Stage, DaysWaiting(r, now),
            r.NextDueAt is { } d ? working.Describe(d) : null, r.IsOverdue(now), r.CriticalMomentAt is not null)).ToList();
    }

    /// <summary>Services with their open and overdue counts, for the list page (numbers only: no child is named).</summary>
    public async Task<IReadOnlyList<ServiceWaits>> ServicesAsync(CancellationToken ct = default)
    {
        var services = await db.ReferralServices.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Name).ToListAsync(ct);
        var result = new List<ServiceWaits>();
        foreach (var s in services)
        {
            result.Add(await WaitsAsync(s, includeChildren: false, ct));
        }
        return result;
    }

    /// <summary>A service's waiting list, naming the children: for its own team and for managers.</summary>
    public async Task<Result<ServiceWaits>> WaitingListAsync(Actor actor, Guid serviceId, CancellationToken ct = default)
    {
        var service = await db.ReferralServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null)
        {
            return Error.NotFound("Service");
        }
        if (await referrals.ServiceBasisAsync(actor, serviceId, ct) == AccessBasis.None)
        {
            return Error.Forbidden($"The waiting list for {service.Name} is for its own team and for managers");
        }
        // The service's own team works the whole list; a manager elsewhere sees the waits, and names only of the
        // children they may read.
        var visible = await referrals.InServiceTeamAsync(actor, serviceId, ct) ? null : await access.VisibleChildIdsAsync(actor, ct);
        return await WaitsAsync(service, includeChildren: true, ct, visible);
    }

    private async Task<ServiceWaits> WaitsAsync(ReferralService s, bool includeChildren, CancellationToken ct, IQueryable<Guid>? visible = null)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var open = await db.Referrals.AsNoTracking().Where(r => r.ServiceId == s.Id
            && r.Stage != ReferralStage.Declined && r.Stage != ReferralStage.Closed && r.Stage != ReferralStage.Withdrawn).ToListAsync(ct);
        var contacted = await db.Referrals.AsNoTracking().Where(r => r.ServiceId == s.Id && r.FirstContactAt != null)
            .Select(r => new { r.SentAt, r.FirstContactAt }).ToListAsync(ct);
        var days = contacted.Select(c => (c.FirstContactAt!.Value - c.SentAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null : Math.Round(days[days.Count / 2], 1);
        var names = new Dictionary<Guid, string>();
        if (includeChildren)
        {
            var ids = open.Select(r => r.ChildId).Distinct().ToList();
            var people = db.People.AsNoTracking().Where(p => ids.Contains(p.Id));
            if (visible is not null)
            {
                people = people.Where(p => visible.Contains(p.Id));
            }
            names = await people.ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        }
        var waiting = includeChildren
            ? open.OrderByDescending(r => r.CriticalMomentAt is not null).ThenBy(r => r.SentAt).Select(r => new WaitingChild(r.Id, r.ChildId, names.GetValueOrDefault(r.ChildId, "A child you do not work with"),
                r.Stage, DaysWaiting(r, now), r.NextDueAt is { } d ? working.Describe(d) : null, r.IsOverdue(now), r.CriticalMomentAt is not null)).ToList()
            : [];
        return new ServiceWaits(s.Id, s.Name, s.Targets, open.Count, open.Count(r => r.IsOverdue(now)), median, waiting);
    }

    /// <summary>Calendar days from the referral until first contact (or until now, while the child still waits).</summary>
    private static int DaysWaiting(Referral r, DateTimeOffset now) => (int)((r.FirstContactAt ?? r.ClosedAt ?? r.WithdrawnAt ?? (r.Stage == ReferralStage.Declined ? r.DecidedAt : null) ?? now) - r.SentAt).TotalDays;
}
