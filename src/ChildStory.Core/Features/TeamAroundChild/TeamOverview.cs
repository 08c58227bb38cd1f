using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Meetings;
using ChildStory.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.TeamAroundChild;

public sealed record TeamChild(Guid Id, string Name, DateOnly? DateOfBirth);

public sealed record TeamClock(TeamChild Child, ClockView Clock);

public sealed record TeamAction(TeamChild Child, ActionView Action);

public sealed record TeamReview(TeamChild Child, Guid PlanId, PlanKind Kind, DateOnly NextReviewOn);

public sealed record NotSeen(TeamChild Child, DateTimeOffset? LastSeen);

/// <summary>How one child's contacts over the period are spread across practitioners (Child A: every agency leaned on one worker).</summary>
public sealed record ContactSpread(TeamChild Child, int Contacts, int Practitioners, string TopPractitioner, int TopContacts, bool ReliesOnOne)
{
    public double TopShare => Contacts == 0 ? 0 : (double)TopContacts / Contacts;
}

public sealed record TeamWithdrawal(TeamChild Child, Guid Id, string Agency, WithdrawalStatus Status, DateTimeOffset? NoticeEndsAt, bool LeavesOneAgency);

public sealed record TeamView(
    string TeamName, int Children, IReadOnlyList<TeamClock> OverdueClocks, IReadOnlyList<TeamClock> DueSoon, IReadOnlyList<TeamClock> LateWithoutReason,
    IReadOnlyList<TeamAction> OverdueActions, IReadOnlyList<TeamReview> OverdueReviews, IReadOnlyList<TeamChild> WithoutLead,
    IReadOnlyList<NotSeen> NotSeen, int NotSeenDays, IReadOnlyList<ContactSpread> Spread, int SpreadMonths, IReadOnlyList<TeamWithdrawal> Withdrawals,
    IReadOnlyList<TeamChild> AwaitingIntroduction);

/// <summary>
/// A team's page: for the children the team works with, what is overdue or due in the next two weeks (statutory
/// clocks, agreed actions, plan reviews), children without a lead professional, children no one has seen within the
/// partnership's threshold, how contact with each child is spread across practitioners, and withdrawals under way.
/// Only the team's own children appear: the page needs no broken glass and shows no one else's.
/// </summary>
public sealed class TeamOverview(ChildStoryDbContext db, PartnershipCalendar calendar, IOptions<CaseworkOptions> options)
{
    private static readonly EventType[] ContactTypes = [EventType.HomeVisit, EventType.Visit, EventType.ContactAttempt];

    public async Task<Result<TeamView>> RunAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only a practitioner has a team");
        }
        var team = await db.Practitioners.AsNoTracking().Where(p => p.Id == practitionerId && p.IsActive && p.TeamId != null)
            .Select(p => new { Id = p.TeamId!.Value, p.Team!.Name }).SingleOrDefaultAsync(ct);
        if (team is null)
        {
            return Error.NotFound("Team");
        }
        var settings = options.Value;
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var working = await calendar.GetAsync(db, ct);
        var childIds = await db.Involvements.AsNoTracking().Where(i => i.TeamId == team.Id && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => i.ChildId).Distinct().ToListAsync(ct);
        var children = (await db.People.AsNoTracking().Where(p => childIds.Contains(p.Id) && p.IsChild)
            .Select(p => new TeamChild(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth)).ToListAsync(ct)).ToDictionary(c => c.Id);
        var ids = children.Keys.ToList();

        var soon = now.AddDays(14);
        var clocks = await db.Timescales.AsNoTracking()
            .Where(t => (ids.Contains(t.ChildId) || t.TeamId == team.Id)
                && ((t.Status == TimescaleStatus.Open && t.DueAt < soon) || (t.Status == TimescaleStatus.Completed && t.CompletedAt > t.DueAt && t.LateReason == null)))
            .OrderBy(t => t.DueAt).ToListAsync(ct);
        foreach (var missing in clocks.Select(t => t.ChildId).Where(id => !children.ContainsKey(id)).Distinct().ToList())
        {
            children[missing] = await db.People.AsNoTracking().Where(p => p.Id == missing).Select(p => new TeamChild(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth)).SingleAsync(ct);
        }
        TeamClock Clock(Timescale t) => new(children[t.ChildId], Views.Clock(t, working, now));

        var members = db.Practitioners.Where(p => p.TeamId == team.Id).Select(p => (Guid?)p.Id);
        var actions = await db.AgreedActions.AsNoTracking()
            .Where(a => a.Status == ActionStatus.Open && a.DueOn < today && (ids.Contains(a.ChildId) || members.Contains(a.OwnerPractitionerId)))
            .OrderBy(a => a.DueOn).ToListAsync(ct);
        foreach (var missing in actions.Select(a => a.ChildId).Where(id => !children.ContainsKey(id)).Distinct().ToList())
        {
            children[missing] = await db.People.AsNoTracking().Where(p => p.Id == missing).Select(p => new TeamChild(p.Id, p.GivenName + " " + p.FamilyName, p.DateOfBirth)).SingleAsync(ct);
        }
        var reviews = await db.Plans.AsNoTracking().Where(p => ids.Contains(p.ChildId) && p.EndedOn == null && p.NextReviewOn < today)
            .OrderBy(p => p.NextReviewOn).Select(p => new { p.ChildId, p.Id, p.Kind, p.NextReviewOn }).ToListAsync(ct);

        var involvements = await db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && (i.EndedOn == null || i.EndedOn >= today))
            .Select(i => new { i.ChildId, i.AgencyId, i.Role, i.IsLeadProfessional, i.HandedOverFromId, i.IntroducedOn, i.TeamId }).ToListAsync(ct);
        var withoutLead = involvements.GroupBy(i => i.ChildId)
            .Where(g => g.Where(i => !UniversalServices.IsUniversal(i.Role)).Select(i => i.AgencyId).Distinct().Count() >= 2 && !g.Any(i => i.IsLeadProfessional)).Select(g => children[g.Key]).OrderBy(c => c.Name).ToList();
        var awaiting = involvements.Where(i => i.TeamId == team.Id && i.HandedOverFromId != null && i.IntroducedOn == null)
            .Select(i => children[i.ChildId]).Distinct().OrderBy(c => c.Name).ToList();

        var lastSeen = await LastSeen.ForChildrenAsync(db, ids, ct);
        var threshold = now.AddDays(-settings.NotSeenDays);
        var notSeen = ids.Where(id => !lastSeen.TryGetValue(id, out var at) || at < threshold)
            .Select(id => new NotSeen(children[id], lastSeen.TryGetValue(id, out var at) ? at : null))
            .OrderBy(n => n.LastSeen ?? DateTimeOffset.MinValue).ToList();

        var since = now.AddMonths(-settings.ContactSpreadMonths);
        var contacts = await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.ChildId != null && ids.Contains(e.ChildId.Value) && e.OccurredAt >= since && !e.EnteredInError
                && (ContactTypes.Contains(e.Type) || e.Facts.ChildSeen == true))
            .Select(e => new { ChildId = e.ChildId!.Value, e.Author }).ToListAsync(ct);
        var spread = contacts.GroupBy(c => c.ChildId).Select(g =>
        {
            var byAuthor = g.GroupBy(c => c.Author).OrderByDescending(a => a.Count()).ToList();
            var top = byAuthor[0];
            var reliant = g.Count() >= settings.RelianceMinimumContacts && (double)top.Count() / g.Count() >= settings.RelianceShare;
            return new ContactSpread(children[g.Key], g.Count(), byAuthor.Count, top.Key, top.Count(), reliant);
        }).OrderByDescending(s => s.ReliesOnOne).ThenByDescending(s => s.TopShare).ToList();

        var withdrawals = await db.Withdrawals.AsNoTracking()
            .Where(w => ids.Contains(w.ChildId) && (w.Status == WithdrawalStatus.UnderNotice || w.Status == WithdrawalStatus.Contested))
            .Select(w => new { w.ChildId, w.Id, Agency = db.Agencies.Where(a => a.Id == w.AgencyId).OrderBy(a => a.Id).Select(a => a.Name).First(), w.Status, w.NoticeEndsAt, w.LeavesOneAgency })
            .ToListAsync(ct);

        db.Audit(AuditActions.TeamOverviewViewed, subject: $"Team:{team.Id}");
        await db.SaveChangesAsync(ct);
        return new TeamView(team.Name, ids.Count,
            clocks.Where(t => t.Status == TimescaleStatus.Open && t.DueAt < now).Select(Clock).ToList(),
            clocks.Where(t => t.Status == TimescaleStatus.Open && t.DueAt >= now).Select(Clock).ToList(),
            clocks.Where(t => t.Status == TimescaleStatus.Completed).Select(Clock).ToList(),
            actions.Select(a => new TeamAction(children[a.ChildId], Views.Action(a, today))).ToList(),
            reviews.Select(r => new TeamReview(children[r.ChildId], r.Id, r.Kind, r.NextReviewOn)).ToList(),
            withoutLead, notSeen, settings.NotSeenDays, spread, settings.ContactSpreadMonths,
            withdrawals.Select(w => new TeamWithdrawal(children[w.ChildId], w.Id, w.Agency, w.Status, w.NoticeEndsAt, w.LeavesOneAgency)).ToList(),
            awaiting);
    }
}
