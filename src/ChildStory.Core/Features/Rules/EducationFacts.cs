using ChildStory.Data;
using ChildStory.Domain.Education;
using ChildStory.Domain.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record FactEnrolment(Guid Id, Guid SchoolId, string School, DateOnly StartedOn, DateOnly? EndedOn, bool FullTime)
{
    public bool OnRollOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

public sealed record FactAttendance(Guid Id, Guid SchoolId, DateOnly PeriodStart, DateOnly PeriodEnd, int Possible, int Attended)
{
    public double? Percent => Possible == 0 ? null : 100.0 * Attended / Possible;
}

public sealed record FactTimetable(Guid Id, Guid SchoolId, decimal HoursPerWeek, DateOnly StartedOn, DateOnly PlannedEndOn, DateOnly? ReviewOn, DateOnly? EndedOn)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

public sealed record FactPlacement(Guid Id, Guid ProviderId, string Provider, bool Registered, Commissioner CommissionedBy, decimal HoursPerWeek, bool MainEducation,
    DateOnly StartedOn, DateOnly? EndedOn, int MonitoringEveryDays, DateOnly? LastContactOn, DateOnly? LastReviewOn)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public bool FullTime => HoursPerWeek >= AlternativeProvisionPlacement.FullTimeHours;
}

public sealed record FactEhcp(Guid Id, DateOnly RequestedOn, AssessmentDecision? Decision, DateOnly? IssuedOn, string? NamedSetting, DateOnly? LastReviewOn, DateOnly? CeasedOn)
{
    public bool InForceOn(DateOnly day) => IssuedOn <= day && (CeasedOn is null || CeasedOn >= day);
}

public sealed record FactExclusion(Guid Id, Guid SchoolId, ExclusionKind Kind, DateOnly StartsOn, DateOnly? InclusionReferralOn);

public sealed record FactHomeEducation(Guid Id, DateOnly StartedOn, DateOnly? EndedOn, DateOnly? SafeguardingReviewOn)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

public sealed record FactMissingEducation(Guid Id, DateOnly StartedOn, DateOnly? EndedOn)
{
    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);
}

public sealed record FactTransport(Guid Id, Guid SchoolId, DateOnly PlaceStartsOn, DateOnly? TransportStartedOn);

/// <summary>A school transfer packet sent to a receiving agency, and when (if yet) it acknowledged it.</summary>
public sealed record FactTransfer(Guid ShareId, Guid ReceiverId, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt);

/// <summary>What the rules read about a child's education, as recorded by <c>now</c> (rows are known from when they were created).</summary>
public sealed class EducationFacts
{
    public static readonly EducationFacts None = new();

    public IReadOnlyList<FactEnrolment> Enrolments { get; init; } = [];
    public IReadOnlyList<FactAttendance> Attendance { get; init; } = [];
    public IReadOnlyList<FactTimetable> Timetables { get; init; } = [];
    public IReadOnlyList<FactPlacement> Placements { get; init; } = [];
    public IReadOnlyList<FactEhcp> Ehcps { get; init; } = [];
    public IReadOnlyList<FactExclusion> Exclusions { get; init; } = [];
    public IReadOnlyList<FactHomeEducation> HomeEducation { get; init; } = [];
    public IReadOnlyList<FactMissingEducation> MissingEducation { get; init; } = [];
    public IReadOnlyList<FactTransport> Transport { get; init; } = [];
    public IReadOnlyList<FactTransfer> Transfers { get; init; } = [];

    /// <summary>When the child entered the complex-needs register, if on it now.</summary>
    public DateTimeOffset? OnRegisterSince { get; init; }

    public bool HasEhcp(DateOnly day) => Ehcps.Any(p => p.InForceOn(day));

    public static async Task<EducationFacts> LoadAsync(ChildStoryDbContext db, Guid childId, DateTimeOffset now, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.ChildId == childId && e.CreatedAt <= now)
            .Join(db.Agencies, e => e.SchoolId, a => a.Id, (e, a) => new FactEnrolment(e.Id, e.SchoolId, a.Name, e.StartedOn, e.EndedOn, e.FullTime)).ToListAsync(ct);
        var attendance = await db.AttendanceRecords.AsNoTracking().Where(a => a.ChildId == childId && a.CreatedAt <= now)
            .Select(a => new FactAttendance(a.Id, a.SchoolId, a.PeriodStart, a.PeriodEnd, a.PossibleSessions, a.AttendedSessions)).ToListAsync(ct);
        var timetables = await db.PartTimeTimetables.AsNoTracking().Where(t => t.ChildId == childId && t.CreatedAt <= now)
            .Select(t => new FactTimetable(t.Id, t.SchoolId, t.HoursPerWeek, t.StartedOn, t.PlannedEndOn, t.ReviewOn, t.EndedOn)).ToListAsync(ct);
        var placements = await db.ApPlacements.AsNoTracking().Where(p => p.ChildId == childId && p.CreatedAt <= now)
            .Join(db.Agencies, p => p.ProviderId, a => a.Id, (p, a) => new FactPlacement(p.Id, p.ProviderId, a.Name, p.Registered, p.CommissionedBy, p.HoursPerWeek,
                p.MainEducation, p.StartedOn, p.EndedOn, p.MonitoringEveryDays, p.LastContactOn, p.LastReviewOn)).ToListAsync(ct);
        var ehcps = await db.EhcPlans.AsNoTracking().Where(p => p.ChildId == childId && p.CreatedAt <= now)
            .Select(p => new FactEhcp(p.Id, p.RequestedOn, p.Decision, p.IssuedOn, p.NamedSetting, p.LastReviewOn, p.CeasedOn)).ToListAsync(ct);
        var exclusions = await db.Exclusions.AsNoTracking().Where(e => e.ChildId == childId && e.CreatedAt <= now)
            .Select(e => new FactExclusion(e.Id, e.SchoolId, e.Kind, e.StartsOn, e.InclusionReferralOn)).ToListAsync(ct);
        var home = await db.HomeEducation.AsNoTracking().Where(e => e.ChildId == childId && e.CreatedAt <= now)
            .Select(e => new FactHomeEducation(e.Id, e.StartedOn, e.EndedOn, e.SafeguardingReviewOn)).ToListAsync(ct);
        var missing = await db.MissingEducation.AsNoTracking().Where(e => e.ChildId == childId && e.CreatedAt <= now)
            .Select(e => new FactMissingEducation(e.Id, e.StartedOn, e.EndedOn)).ToListAsync(ct);
        var transport = await db.TransportArrangements.AsNoTracking().Where(t => t.ChildId == childId && t.CreatedAt <= now)
            .Select(t => new FactTransport(t.Id, t.SchoolId, t.PlaceStartsOn, t.TransportStartedOn)).ToListAsync(ct);
        var transfers = await db.ShareRecipients.AsNoTracking()
            .Where(r => r.Share!.ChildId == childId && r.Share.Kind == ShareKind.Transfer && r.Share.SentAt <= now)
            .Select(r => new FactTransfer(r.ShareId, r.AgencyId, r.Share!.SentAt, r.AcknowledgedAt <= now ? r.AcknowledgedAt : null)).ToListAsync(ct);
        var register = await db.RegisterEntries.AsNoTracking().Where(r => r.ChildId == childId && r.EnteredAt <= now && (r.LeftAt == null || r.LeftAt > now))
            .Select(r => (DateTimeOffset?)r.EnteredAt).FirstOrDefaultAsync(ct);
        return new EducationFacts
        {
            Enrolments = enrolments.OrderBy(e => e.StartedOn).ToList(),
            Attendance = attendance.OrderBy(a => a.PeriodEnd).ToList(),
            Timetables = timetables,
            Placements = placements.OrderBy(p => p.StartedOn).ToList(),
            Ehcps = ehcps,
            Exclusions = exclusions,
            HomeEducation = home,
            MissingEducation = missing,
            Transport = transport,
            Transfers = transfers,
            OnRegisterSince = register,
        };
    }

    /// <summary>Children whose education records time alone can make a rule fire: the daily sweep reads them too.</summary>
    public static IQueryable<Guid> SweepChildren(ChildStoryDbContext db, DateOnly today) =>
        db.EhcPlans.Where(p => p.CeasedOn == null).Select(p => p.ChildId)
            .Union(db.PartTimeTimetables.Where(t => t.EndedOn == null).Select(t => t.ChildId))
            .Union(db.ApPlacements.Where(p => p.EndedOn == null || p.EndedOn >= today).Select(p => p.ChildId))
            .Union(db.Exclusions.Where(e => e.Kind == ExclusionKind.Permanent && e.InclusionReferralOn == null).Select(e => e.ChildId))
            .Union(db.HomeEducation.Where(e => e.EndedOn == null).Select(e => e.ChildId))
            .Union(db.MissingEducation.Where(e => e.EndedOn == null).Select(e => e.ChildId))
            .Union(db.TransportArrangements.Where(t => t.TransportStartedOn == null).Select(t => t.ChildId))
            .Union(db.Enrolments.Where(e => e.EndedOn == null && e.StartedOn >= today.AddDays(-60)).Select(e => e.ChildId));
}
