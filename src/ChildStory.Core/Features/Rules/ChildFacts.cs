using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Calendar;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record FactEvent(Guid Id, EventType Type, DateTimeOffset OccurredAt, DateTimeOffset ReceivedAt, Guid AgencyId, AgencyKind AgencyKind,
    string Author, string Summary, bool Significant, EventFacts Facts, Concern Concerns)
{
    public bool Has(Concern concern) => (Concerns & concern) != 0;
}

public sealed record FactInvolvement(Guid Id, Guid AgencyId, AgencyKind AgencyKind, string Agency, InvolvementRole Role, DateOnly StartedOn, DateOnly? EndedOn,
    string? EndReason, bool IsLead)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public bool Targeted => !UniversalServices.IsUniversal(Role);
}

/// <summary>A family relationship, or (<see cref="EvidenceKind"/> "Association") a partner link from peer and place mapping.</summary>
public sealed record FactRelationship(Guid Id, Guid? PersonId, string? Name, RelationshipKind Kind, DateOnly? DateOfBirth, bool LivesWithChild, DateTimeOffset RecordedAt,
    string EvidenceKind = "Relationship");

public sealed record FactPlan(Guid Id, PlanKind Kind, DateOnly StartedOn, DateOnly? EndedOn)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

public sealed record FactScreening(Guid Id, DateTimeOffset At, Domain.Exploitation.RiskLevel Level);

/// <summary>A meeting that discussed (or will discuss) exploitation: a MACE panel, or any meeting with a MACE-style item.</summary>
public sealed record FactMaceDiscussion(Guid Id, DateTimeOffset At, bool Held);

/// <summary>What a recorded MACE discussion found: its risk level and when it was discussed.</summary>
public sealed record FactMaceOutcome(Guid Id, DateTimeOffset DiscussedAt, Domain.Exploitation.RiskLevel Level);

/// <summary>An NRM referral: a positive reasonable-grounds decision, and a negative conclusive-grounds decision that ends it.</summary>
public sealed record FactNrm(Guid Id, DateTimeOffset? PositiveReasonableGroundsAt, DateTimeOffset? NegativeConclusiveGroundsAt = null);

/// <summary>A strategy discussion: when it is (or was) held.</summary>
/// <summary>A peer or place link recorded on the child's record or naming the child on another's.</summary>
public sealed record FactAssociation(Guid Id, Domain.Exploitation.AssociationKind Kind, DateTimeOffset RecordedAt);

public sealed record FactStrategyDiscussion(Guid Id, DateTimeOffset At, bool Held);

/// <summary>An action a meeting or plan agreed, as it stood then: open until it was done or dropped.</summary>
public sealed record FactAction(Guid Id, string Description, Guid OwnerAgencyId, string Owner, DateOnly DueOn, DateTimeOffset AgreedAt, bool Open);

public sealed record FactReferral(Guid Id, string Service, DateTimeOffset SentAt, DateTimeOffset? NextDueAt, string? NextDueExplanation, bool CriticalMoment, string Stage);

/// <summary>
/// Everything the rules read about one child, as the partnership knew it at <see cref="Now"/>: events received by then
/// (over the rules' longest window), involvements, relationships, plans and open referrals. Loaded once per evaluation
/// so that every rule sees the same picture, and so that a replay that moves the clock sees only what was known.
/// </summary>
public sealed class ChildFacts
{
    public required Guid ChildId { get; init; }
    public required string Name { get; init; }
    public required DateOnly? DateOfBirth { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required WorkingTime Calendar { get; init; }
    public required IReadOnlyList<FactEvent> Events { get; init; }
    public required IReadOnlyList<FactInvolvement> Involvements { get; init; }
    public required IReadOnlyList<FactRelationship> Relationships { get; init; }
    public required IReadOnlyList<FactPlan> Plans { get; init; }
    public required IReadOnlyList<FactReferral> Referrals { get; init; }
    public required IReadOnlyList<FactScreening> Screenings { get; init; }
    public required IReadOnlyList<FactMaceDiscussion> MaceDiscussions { get; init; }
    public required IReadOnlyList<FactNrm> Nrm { get; init; }
    public required IReadOnlyList<FactStrategyDiscussion> StrategyDiscussions { get; init; }

    /// <summary>Peer and place mapping: links recorded by then (either end).</summary>
    public IReadOnlyList<FactAssociation> Associations { get; init; } = [];
    /// <summary>Recorded MACE discussions and the risk level each found, oldest first.</summary>
    public IReadOnlyList<FactMaceOutcome> MaceOutcomes { get; init; } = [];

    /// <summary>Actions agreed by meetings and plans by then, open or not (resolution of professional differences).</summary>
    public IReadOnlyList<FactAction> Actions { get; init; } = [];
    /// <summary>School roll, attendance, provision, EHC plans, exclusions, home education, transport and transfers (issue 9).</summary>
    public EducationFacts Education { get; init; } = EducationFacts.None;

    public DateOnly Today => Calendar.DateOf(Now);

    public bool OnPlan => Plans.Any(p => p.ActiveOn(Today));

    public double? AgeInYears(DateTimeOffset at) => DateOfBirth is { } dob ? (Calendar.DateOf(at).DayNumber - dob.DayNumber) / 365.25 : null;

    public IEnumerable<FactEvent> Within(TimeSpan window) => Events.Where(e => e.OccurredAt >= Now - window);

    public IEnumerable<FactInvolvement> ActiveInvolvements => Involvements.Where(i => i.ActiveOn(Today));

    /// <summary>How far back the loader reads events: the longest window any rule uses.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(400);

    public static async Task<ChildFacts?> LoadAsync(ChildStoryDbContext db, WorkingTime calendar, Guid childId, DateTimeOffset now, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId && p.IsChild)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth }).SingleOrDefaultAsync(ct);
        if (child is null)
        {
            return null;
        }
        var since = now - History;
        var events = await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.ChildId == childId && e.OccurredAt >= since && e.ReceivedAt <= now && !e.EnteredInError)
            .Join(db.Agencies, e => e.AgencyId, a => a.Id, (e, a) => new FactEvent(e.Id, e.Type, e.OccurredAt, e.ReceivedAt, e.AgencyId, a.Kind, e.Author, e.Summary,
                e.Significant, e.Facts, e.Concerns))
            .ToListAsync(ct);
        var today = calendar.DateOf(now);
        var involvements = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.StartedOn <= today)
            .Select(i => new FactInvolvement(i.Id, i.AgencyId, i.Agency!.Kind, i.Agency.Name, i.Role, i.StartedOn, i.EndedOn, i.EndReason, i.IsLeadProfessional))
            .ToListAsync(ct);
        var relationships = await db.Relationships.AsNoTracking().Where(r => r.ChildId == childId && r.CreatedAt <= now)
            .Select(r => new FactRelationship(r.Id, r.RelatedPersonId, r.RelatedPerson == null ? null : r.RelatedPerson.GivenName + " " + r.RelatedPerson.FamilyName,
                r.Kind, r.RelatedPerson == null ? null : r.RelatedPerson.DateOfBirth, r.LivesWithChild, r.CreatedAt))
            .ToListAsync(ct);
        // A "relationship" recorded in the child's network counts as a partner, whoever recorded it and whatever the genders (Child A).
        relationships.AddRange(await db.Associations.AsNoTracking()
            .Where(a => a.ChildId == childId && a.Kind == Domain.Exploitation.AssociationKind.Partner && a.PersonId != null && a.RecordedAt <= now
                && a.ObservedOn <= today && (a.EndedOn == null || a.EndedOn >= today))
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new FactRelationship(a.Id, p.Id, p.GivenName + " " + p.FamilyName, RelationshipKind.Partner,
                p.DateOfBirth, false, a.RecordedAt, "Association"))
            .ToListAsync(ct));
        var plans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId && p.StartedOn <= today)
            .Select(p => new FactPlan(p.Id, p.Kind, p.StartedOn, p.EndedOn)).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.ChildId == childId && r.SentAt <= now && r.Stage != Domain.Referrals.ReferralStage.Declined && r.Stage != Domain.Referrals.ReferralStage.Closed
                && r.Stage != Domain.Referrals.ReferralStage.Withdrawn)
            .Select(r => new FactReferral(r.Id, r.Service!.Name, r.SentAt, r.NextDueAt, r.NextDueExplanation, r.CriticalMomentAt != null, r.Stage.ToString()))
            .ToListAsync(ct);
        var screenings = await db.Screenings.AsNoTracking().Where(s => s.ChildId == childId && s.ScreenedAt <= now)
            .Select(s => new FactScreening(s.Id, s.ScreenedAt, s.FinalLevel)).ToListAsync(ct);
        var mace = await db.Meetings.AsNoTracking()
            .Where(m => m.ChildId == childId && m.ScheduledAt <= now && m.Status != MeetingStatus.Cancelled && (m.ExploitationItem || m.Type == MeetingType.MacePanel))
            .Select(m => new FactMaceDiscussion(m.Id, m.StartsAt, m.Status == MeetingStatus.Held)).ToListAsync(ct);
        var nrm = await db.NrmReferrals.AsNoTracking().Where(n => n.ChildId == childId && n.SubmittedAt <= now)
            .Select(n => new FactNrm(n.Id, n.ReasonableGrounds == Domain.Exploitation.NrmOutcome.Positive && n.ReasonableGroundsAt <= now ? n.ReasonableGroundsAt : null,
                n.ConclusiveGrounds == Domain.Exploitation.NrmOutcome.Negative && n.ConclusiveGroundsAt <= now ? n.ConclusiveGroundsAt : null))
            .ToListAsync(ct);
        var maceOutcomes = await db.MaceDiscussions.AsNoTracking()
            .Where(d => d.ChildId == childId && d.Status == Domain.Exploitation.MaceStatus.Discussed && d.DiscussedAt <= now && d.Level != null)
            .Select(d => new FactMaceOutcome(d.Id, d.DiscussedAt!.Value, d.Level!.Value)).ToListAsync(ct);
        var strategy = await db.Meetings.AsNoTracking()
            .Where(m => m.ChildId == childId && m.ScheduledAt <= now && m.Status != MeetingStatus.Cancelled && m.Type == MeetingType.StrategyDiscussion)
            .Select(m => new FactStrategyDiscussion(m.Id, m.StartsAt, m.Status == MeetingStatus.Held)).ToListAsync(ct);
        var associations = await db.Associations.AsNoTracking().Where(a => (a.ChildId == childId || a.PersonId == childId) && a.RecordedAt <= now)
            .Select(a => new FactAssociation(a.Id, a.Kind, a.RecordedAt)).ToListAsync(ct);
        return new ChildFacts
        {
            ChildId = childId,
            Name = $"{child.GivenName} {child.FamilyName}",
            DateOfBirth = child.DateOfBirth,
            Now = now,
            Calendar = calendar,
            Events = events.OrderBy(e => e.OccurredAt).ToList(),
            Involvements = involvements,
            Relationships = relationships,
            Plans = plans,
            Referrals = referrals,
            Screenings = screenings.OrderBy(s => s.At).ToList(),
            MaceDiscussions = mace,
            Nrm = nrm,
            StrategyDiscussions = strategy,
            Associations = associations,
            MaceOutcomes = maceOutcomes.OrderBy(m => m.DiscussedAt).ToList(),
            Actions = await db.AgreedActions.AsNoTracking().Where(a => a.ChildId == childId && a.AgreedAt <= now)
                .Select(a => new FactAction(a.Id, a.Description, a.OwnerAgencyId, a.OwnerName, a.DueOn, a.AgreedAt,
                    a.Status == ActionStatus.Open || (a.CompletedOn != null && a.CompletedOn > today)))
                .ToListAsync(ct),
            Education = await EducationFacts.LoadAsync(db, childId, now, ct),
        };
    }
}
