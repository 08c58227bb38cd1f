using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Access;
using ChildStory.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>The child's education at a glance: on roll where, attending how much, in what provision, EHC plan status and next review.</summary>
public sealed record EducationPictureView(
    Guid ChildId, string ChildName, FactEnrolment? OnRoll, IReadOnlyList<FactEnrolment> Rolls, IReadOnlyList<FactAttendance> Attendance, FactTimetable? PartTime,
    IReadOnlyList<FactPlacement> Placements, FactEhcp? Ehcp, DateOnly? NextReviewDue, IReadOnlyList<FactExclusion> Exclusions, FactHomeEducation? HomeEducation,
    FactMissingEducation? Missing, IReadOnlyList<FactTransport> Transport, IReadOnlyDictionary<Guid, string> Schools, bool CanRecord, DateOnly Today)
{
    public FactAttendance? LatestAttendance => Attendance.Count == 0 ? null : Attendance[^1];

    /// <summary>One line for the record's at-a-glance panel.</summary>
    public string Headline => Missing is not null ? "Missing education"
        : HomeEducation is not null ? $"Electively home educated since {HomeEducation.StartedOn:d MMM yyyy}"
        : OnRoll is null ? "On no school roll"
        : $"On the roll of {OnRoll.School}{(PartTime is null ? "" : $", part-time ({PartTime.HoursPerWeek:0.#} hours a week)")}";
}

public sealed class EducationPicture(ChildStoryDbContext db, ChildAccess access)
{
    public async Task<Result<EducationPictureView>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var facts = await EducationFacts.LoadAsync(db, childId, now, ct);
        var ehcp = facts.Ehcps.Where(p => p.CeasedOn is null || p.CeasedOn >= today).OrderByDescending(p => p.RequestedOn).FirstOrDefault();
        var schoolIds = facts.Exclusions.Select(x => x.SchoolId).Concat(facts.Transport.Select(t => t.SchoolId)).Concat(facts.Timetables.Select(t => t.SchoolId)).Distinct().ToList();
        var schools = await db.Agencies.AsNoTracking().Where(a => schoolIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        db.Audit(AuditActions.EducationViewed, childId);
        await db.SaveChangesAsync(ct);
        return new EducationPictureView(childId, name, facts.Enrolments.LastOrDefault(e => e.OnRollOn(today)), facts.Enrolments,
            facts.Attendance.TakeLast(6).ToList(), facts.Timetables.FirstOrDefault(t => t.ActiveOn(today)),
            facts.Placements.Where(p => p.ActiveOn(today) || p.EndedOn >= today.AddDays(-365)).ToList(), ehcp,
            ehcp?.IssuedOn is { } issued ? (ehcp.LastReviewOn ?? issued).AddMonths(12) : null,
            facts.Exclusions.OrderByDescending(x => x.StartsOn).Take(10).ToList(), facts.HomeEducation.FirstOrDefault(h => h.ActiveOn(today)),
            facts.MissingEducation.FirstOrDefault(m => m.ActiveOn(today)), facts.Transport, schools, opened.Value != AccessBasis.GlassBreak && actor.PractitionerId is not null, today);
    }
}
