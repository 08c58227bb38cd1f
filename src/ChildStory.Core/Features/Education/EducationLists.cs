using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Education;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

public enum EducationList
{
    EhcpNotFullTime,
    AlternativeProvision,
    OverdueReviews,
    PartTime,
    Exclusions,
    HomeEducation,
}

/// <summary>The child's safeguarding status beside each row: an active plan, the complex-needs register, the latest exploitation screening.</summary>
public sealed record SafeguardingStatus(string? Plan, bool ComplexNeeds, Domain.Exploitation.RiskLevel? Screening);

/// <summary>One child in a list: what the list is about (detail), since when, whether it is flagged (unregistered, overdue), and the safeguarding status.</summary>
public sealed record EducationRow(Guid ChildId, string Name, string Detail, DateOnly Since, bool Flagged, string? Group, SafeguardingStatus Status);

/// <summary>
/// Lists for the local authority's education and SEND teams and for designated safeguarding leads: only the children
/// the reader may see (their involvements), each with the child's safeguarding status. Every list read is audited.
/// </summary>
public sealed class EducationLists(ChildStoryDbContext db, ChildAccess access)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<EducationRow>> ListAsync(Actor actor, EducationList list, CancellationToken ct = default)
    {
        var visible = await access.VisibleChildIdsAsync(actor, ct);
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var rows = list switch
        {
            EducationList.AlternativeProvision => await PlacementsAsync(visible, today, ct),
            EducationList.OverdueReviews => await OverdueAsync(visible, today, ct),
            EducationList.PartTime => await Rows(db.PartTimeTimetables.Where(t => t.EndedOn == null), t => t.ChildId, visible, ct,
                (t, _) => new Partial(t.ChildId, $"{t.HoursPerWeek:0.#} hours a week, planned to end {t.PlannedEndOn:d MMM yyyy}", t.StartedOn, t.PlannedEndOn < today, null)),
            EducationList.Exclusions => await ExclusionsAsync(visible, today, ct),
            EducationList.HomeEducation => await HomeAsync(visible, ct),
            _ => await NotFullTimeAsync(visible, today, ct),
        };
        db.Audit(AuditActions.EducationListViewed, subject: list.ToString(), detail: $"{{\"rows\":{rows.Count}}}");
        await db.SaveChangesAsync(ct);
        return await WithStatusAsync(rows, today, ct);
    }

    private sealed record Partial(Guid ChildId, string Detail, DateOnly Since, bool Flagged, string? Group);

    private static async Task<List<Partial>> Rows<T>(IQueryable<T> rows, System.Linq.Expressions.Expression<Func<T, Guid>> child, IQueryable<Guid>? visible, CancellationToken ct,
        Func<T, Dictionary<Guid, string>, Partial> map) where T : class
    {
        if (visible is not null)
        {
            var parameter = child.Parameters[0];
            var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], visible.Expression, child.Body);
            rows = rows.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter));
        }
        var found = await rows.AsNoTracking().Take(Limit).ToListAsync(ct);
        return found.Select(r => map(r, [])).ToList();
    }

    private async Task<List<Partial>> PlacementsAsync(IQueryable<Guid>? visible, DateOnly today, CancellationToken ct)
    {
        var placements = await Rows(db.ApPlacements.Where(p => p.EndedOn == null || p.EndedOn >= today), p => p.ChildId, visible, ct, (p, _) => new Partial(p.ChildId, "", p.StartedOn, false, null));
        var ids = placements.Select(p => p.ChildId).ToList();
        var found = await db.ApPlacements.AsNoTracking().Where(p => ids.Contains(p.ChildId) && (p.EndedOn == null || p.EndedOn >= today))
            .Join(db.Agencies, p => p.ProviderId, a => a.Id, (p, a) => new { p, a.Name }).ToListAsync(ct);
        return found.Select(x => new Partial(x.p.ChildId,
            $"{(x.p.Registered ? "Registered" : "Unregistered")}, {x.p.HoursPerWeek:0.#} hours a week, {(today.DayNumber - x.p.StartedOn.DayNumber) / 7} weeks in placement; last contact {(x.p.LastContactOn is { } c ? c.ToString("d MMM yyyy") : "none recorded")}",
            x.p.StartedOn, !x.p.Registered, x.Name)).OrderBy(x => x.Group).ThenBy(x => x.Since).ToList();
    }

    private async Task<List<Partial>> OverdueAsync(IQueryable<Guid>? visible, DateOnly today, CancellationToken ct)
    {
        var plans = await Rows(db.EhcPlans.Where(p => p.CeasedOn == null), p => p.ChildId, visible, ct, (p, _) =>
        {
            if (p.IssuedOn is not { } issued)
            {
                var due = p.RequestedOn.AddDays(140);
                return new Partial(p.ChildId, $"Assessment requested {p.RequestedOn:d MMM yyyy}; plan due by {due:d MMM yyyy}", p.RequestedOn, due < today, "Issue");
            }
            var next = (p.LastReviewOn ?? issued).AddMonths(12);
            return new Partial(p.ChildId, $"Names {p.NamedSetting}; last review {(p.LastReviewOn is { } r ? r.ToString("d MMM yyyy") : "never")}; next due {next:d MMM yyyy}", next, next < today, "Review");
        });
        return plans.Where(p => p.Flagged).OrderBy(p => p.Since).ToList();
    }

    private async Task<List<Partial>> ExclusionsAsync(IQueryable<Guid>? visible, DateOnly today, CancellationToken ct) =>
        (await Rows(db.Exclusions.Where(x => x.StartsOn >= today.AddDays(-365)), x => x.ChildId, visible, ct, (x, _) => new Partial(x.ChildId,
            x.Kind == ExclusionKind.Permanent
                ? $"Permanent exclusion; {(x.InclusionReferralOn is { } r ? $"referred to the inclusion project {r:d MMM yyyy}" : "no referral to the inclusion project")}"
                : $"Suspension, {x.Days} days", x.StartsOn, x.Kind == ExclusionKind.Permanent && x.InclusionReferralOn == null, x.Kind.ToString())))
        .OrderByDescending(x => x.Since).ToList();

    private async Task<List<Partial>> HomeAsync(IQueryable<Guid>? visible, CancellationToken ct)
    {
        var home = await Rows(db.HomeEducation.Where(h => h.EndedOn == null), h => h.ChildId, visible, ct, (h, _) => new Partial(h.ChildId,
            $"Electively home educated; {(h.SafeguardingReviewOn is { } r ? $"safeguarding review {r:d MMM yyyy}" : "no safeguarding review")}", h.StartedOn, h.SafeguardingReviewOn == null, "Home education"));
        var missing = await Rows(db.MissingEducation.Where(h => h.EndedOn == null), h => h.ChildId, visible, ct, (h, _) => new Partial(h.ChildId,
            "Missing education: on no roll and not educated otherwise", h.StartedOn, true, "Missing education"));
        return [.. missing, .. home];
    }

    private async Task<List<Partial>> NotFullTimeAsync(IQueryable<Guid>? visible, DateOnly today, CancellationToken ct)
    {
        var plans = await Rows(db.EhcPlans.Where(p => p.IssuedOn != null && p.IssuedOn <= today && (p.CeasedOn == null || p.CeasedOn >= today)), p => p.ChildId, visible, ct,
            (p, _) => new Partial(p.ChildId, "", p.IssuedOn!.Value, false, null));
        var ids = plans.Select(p => p.ChildId).Distinct().ToList();
        var onRoll = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.ChildId) && e.StartedOn <= today && (e.EndedOn == null || e.EndedOn >= today))
            .Select(e => e.ChildId).ToListAsync(ct);
        var partTime = await db.PartTimeTimetables.AsNoTracking().Where(t => ids.Contains(t.ChildId) && t.EndedOn == null).ToDictionaryAsync(t => t.ChildId, t => t.HoursPerWeek, ct);
        var home = await db.HomeEducation.AsNoTracking().Where(h => ids.Contains(h.ChildId) && h.EndedOn == null).Select(h => h.ChildId).ToListAsync(ct);
        var missing = await db.MissingEducation.AsNoTracking().Where(h => ids.Contains(h.ChildId) && h.EndedOn == null).Select(h => h.ChildId).ToListAsync(ct);
        var rows = new List<Partial>();
        foreach (var plan in plans.DistinctBy(p => p.ChildId))
        {
            var why = missing.Contains(plan.ChildId) ? "Missing education"
                : partTime.TryGetValue(plan.ChildId, out var hours) ? $"Part-time timetable, {hours:0.#} hours a week"
                : !onRoll.Contains(plan.ChildId) && !home.Contains(plan.ChildId) ? "On no school roll"
                : null;
            if (why is not null)
            {
                rows.Add(plan with { Detail = why, Flagged = true });
            }
        }
        return rows;
    }

    private async Task<IReadOnlyList<EducationRow>> WithStatusAsync(List<Partial> rows, DateOnly today, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ChildId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.GivenName + " " + p.FamilyName).Trim(), ct);
        var plans = (await db.Plans.AsNoTracking().Where(p => ids.Contains(p.ChildId) && p.StartedOn <= today && (p.EndedOn == null || p.EndedOn >= today))
            .Select(p => new { p.ChildId, p.Kind }).ToListAsync(ct)).GroupBy(p => p.ChildId).ToDictionary(g => g.Key, g => g.Min(p => p.Kind));
        var register = (await db.RegisterEntries.AsNoTracking().Where(r => ids.Contains(r.ChildId) && r.LeftAt == null).Select(r => r.ChildId).ToListAsync(ct)).ToHashSet();
        var screenings = (await db.Screenings.AsNoTracking().Where(s => ids.Contains(s.ChildId)).Select(s => new { s.ChildId, s.ScreenedAt, s.FinalLevel }).ToListAsync(ct))
            .GroupBy(s => s.ChildId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ScreenedAt)!.FinalLevel);
        return rows.Select(r => new EducationRow(r.ChildId, names.GetValueOrDefault(r.ChildId, "Unknown"), r.Detail, r.Since, r.Flagged, r.Group,
            new SafeguardingStatus(plans.TryGetValue(r.ChildId, out var kind) ? Rules.Library.EducationEvidence.PlanName(kind) : null, register.Contains(r.ChildId),
                screenings.TryGetValue(r.ChildId, out var level) ? level : null))).ToList();
    }
}
