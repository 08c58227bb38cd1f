using System.Globalization;
using System.Text;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Escalation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

public sealed record Count(string Label, int Value);

public sealed record AgencyStages(string Agency, int Raised, IReadOnlyList<int> ReachedStage);

public sealed record LearningReport(DateOnly From, DateOnly To, int Raised, int Open, int Resolved, int OverdueNow, int MovedUpEarly, int StagesUnansweredInTime,
    double? MedianDaysToResolve, double? MeanDaysToResolve, IReadOnlyList<string> StageNames, IReadOnlyList<AgencyStages> BySubjectAgency, IReadOnlyList<Count> ByRaisingAgency,
    IReadOnlyList<Count> ResolvedAtStage, IReadOnlyList<Count> Answers, IReadOnlyList<Count> Subjects, int ChildrenWithStuckItems, int ChildrenStuckWithoutDifference,
    IReadOnlyList<Count> StuckWithoutDifferenceByKind);

/// <summary>
/// What the partnership board needs to learn why escalation is "under used" (James, Recommendation 1): differences
/// raised by agency and stage, time to resolve, outcomes, the most common subjects, and the under-use measure —
/// children with something stuck and no difference raised. Partnership leads and managers only; exportable as CSV.
/// </summary>
public sealed class PartnershipLearning(ChildStoryDbContext db, StuckItems stuck, IOptions<EscalationOptions> options)
{
    public static bool MayRead(Actor actor) => actor.IsInRole(Roles.PartnershipLead) || actor.IsInRole(Roles.Manager);

    public async Task<Result<LearningReport>> RunAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (!MayRead(actor))
        {
            return Error.Forbidden("The partnership's learning about escalation is for partnership leads and managers");
        }
        var now = db.Time.GetUtcNow();
        var end = to ?? DateOnly.FromDateTime(now.UtcDateTime);
        var start = from ?? end.AddYears(-1);
        if (start > end)
        {
            return Error.Invalid("From", "The start of the period must be before its end");
        }
        var startAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var endAt = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var differences = await db.ProfessionalDifferences.AsNoTracking().Include(d => d.Stages)
            .Where(d => d.RaisedAt >= startAt && d.RaisedAt < endAt).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var settings = options.Value;
        var stageNames = settings.Effective.Select(s => s.Name).ToList();
        var maxStage = Math.Max(stageNames.Count, differences.Select(d => d.CurrentStage).DefaultIfEmpty(0).Max());
        var days = differences.Where(d => d.ResolvedAt is not null).Select(d => (d.ResolvedAt!.Value - d.RaisedAt).TotalDays).Order().ToList();
        double? median = days.Count == 0 ? null : days.Count % 2 == 1 ? days[days.Count / 2] : (days[days.Count / 2 - 1] + days[days.Count / 2]) / 2;
        var stages = differences.SelectMany(d => d.Stages).ToList();
        var bySubject = differences.GroupBy(d => d.SubjectAgencyId)
            .Select(g => new AgencyStages(agencies.GetValueOrDefault(g.Key, "Unknown"), g.Count(),
                Enumerable.Range(1, maxStage).Select(n => g.Count(d => d.CurrentStage == n)).ToList()))
            .OrderByDescending(a => a.Raised).ThenBy(a => a.Agency).ToList();
        var byRaiser = differences.GroupBy(d => d.RaisedByAgencyId).Select(g => new Count(agencies.GetValueOrDefault(g.Key, "Unknown"), g.Count()))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Label).ToList();
        var resolvedAt = Enumerable.Range(1, maxStage).Select(n => new Count($"Stage {n}", differences.Count(d => d.Status == DifferenceStatus.Resolved && d.CurrentStage == n))).ToList();
        var answers = Enum.GetValues<StageAnswer>().Select(a => new Count(Words.Answer(a), stages.Count(s => s.Answered == a))).ToList();
        var subjects = differences.GroupBy(d => d.Link).Select(g => new Count(Describe(g.Key), g.Count())).OrderByDescending(c => c.Value).ThenBy(c => c.Label).ToList();

        var items = await stuck.FindAsync(null, ct);
        var withDifference = await db.ProfessionalDifferences.AsNoTracking().Select(d => d.ChildId).Distinct().ToListAsync(ct);
        var stuckChildren = items.Select(i => i.ChildId).Distinct().ToList();
        var without = items.Where(i => !withDifference.Contains(i.ChildId)).ToList();
        var byKind = without.GroupBy(i => i.Kind).Select(g => new Count(Describe(g.Key), g.Select(i => i.ChildId).Distinct().Count()))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Label).ToList();

        db.Audit(AuditActions.DifferencesLearningViewed, detail: $"{{\"from\":\"{start:yyyy-MM-dd}\",\"to\":\"{end:yyyy-MM-dd}\"}}");
        await db.SaveChangesAsync(ct);
        return new LearningReport(start, end, differences.Count, differences.Count(d => d.IsOpen), differences.Count(d => !d.IsOpen),
            differences.Count(d => d.IsOpen && d.Current is { } c && c.IsOverdue(now)), stages.Count(s => s.MovedUpEarly),
            stages.Count(s => s.OverdueToldAt is not null || (s.RespondedAt is { } r && r > s.DueAt)),
            median is null ? null : Math.Round(median.Value, 1), days.Count == 0 ? null : Math.Round(days.Average(), 1),
            Enumerable.Range(1, maxStage).Select(n => n <= stageNames.Count ? stageNames[n - 1] : $"Stage {n}").ToList(),
            bySubject, byRaiser, resolvedAt, answers, subjects, stuckChildren.Count, without.Select(i => i.ChildId).Distinct().Count(), byKind);
    }

    /// <summary>The report as CSV for the partnership board: one row per measure, section first.</summary>
    public static string Csv(LearningReport r)
    {
        var csv = new StringBuilder("Section,Measure,Value\r\n");
        void Row(string section, string label, object? value) =>
            csv.Append(Field(section)).Append(',').Append(Field(label)).Append(',').Append(Field(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")).Append("\r\n");
        Row("Period", "From", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Period", "To", r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("Totals", "Raised", r.Raised);
        Row("Totals", "Open", r.Open);
        Row("Totals", "Resolved", r.Resolved);
        Row("Totals", "Overdue now", r.OverdueNow);
        Row("Totals", "Moved up early", r.MovedUpEarly);
        Row("Totals", "Stages not answered in time", r.StagesUnansweredInTime);
        Row("Time to resolve (days)", "Median", r.MedianDaysToResolve);
        Row("Time to resolve (days)", "Mean", r.MeanDaysToResolve);
        foreach (var a in r.BySubjectAgency)
        {
            Row("Raised with agency", a.Agency, a.Raised);
            for (var i = 0; i < a.ReachedStage.Count; i++)
            {
                Row("Raised with agency, now at stage", $"{a.Agency}: stage {i + 1} ({r.StageNames[i]})", a.ReachedStage[i]);
            }
        }
        foreach (var c in r.ByRaisingAgency) { Row("Raised by agency", c.Label, c.Value); }
        foreach (var c in r.ResolvedAtStage) { Row("Resolved at", c.Label, c.Value); }
        foreach (var c in r.Answers) { Row("Stage answers", c.Label, c.Value); }
        foreach (var c in r.Subjects) { Row("Subjects", c.Label, c.Value); }
        Row("Under-use", "Children with stuck items", r.ChildrenWithStuckItems);
        Row("Under-use", "Children with stuck items and no difference raised", r.ChildrenStuckWithoutDifference);
        foreach (var c in r.StuckWithoutDifferenceByKind) { Row("Under-use by kind (children)", c.Label, c.Value); }
        return csv.ToString();
    }

    /// <summary>Quotes a CSV field, and neutralises text a spreadsheet would run as a formula.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Describe(DifferenceLink link) => link switch
    {
        DifferenceLink.None => "Other (not linked)",
        DifferenceLink.PlanAction => "Plan or meeting action",
        _ => link.ToString(),
    };

    public static string Describe(StuckKind kind) => kind switch
    {
        StuckKind.ShareEscalated => "Share escalated after chasing",
        StuckKind.ReferralDeclined => "Referral declined",
        StuckKind.ReferralWaiting => "Referral waiting past target",
        StuckKind.StrategyDiscussionLate => "Strategy discussion not held in time",
        StuckKind.WithdrawalAgainstTeam => "Agency withdrawing against the team's view",
        StuckKind.ActionOverdue => "Action overdue",
        _ => "Safeguarding rule: escalation offered",
    };
}
