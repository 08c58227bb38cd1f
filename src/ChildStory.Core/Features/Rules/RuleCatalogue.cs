using ChildStory.Data;
using ChildStory.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record RuleDescription(string Id, int Version, string Title, string Source, string Guidance, string Audience, bool TimeDriven, bool Enabled,
    IReadOnlyDictionary<string, string> Parameters);

public sealed record RuleStatistics(RuleDescription Rule, int Fired, int Dismissed, int Actioned)
{
    /// <summary>Dismissals over decisions: a rule that is mostly dismissed cries wolf.</summary>
    public double? DismissalRate => Fired == 0 ? null : (double)Dismissed / Fired;
}

/// <summary>How loud one rule is: alerts raised in a window, for how many children, and per 100 children a month.</summary>
public sealed record RuleLoad(string RuleId, int Alerts, int Children, double PerHundredChildrenPerMonth);

/// <summary>Every rule with what it is for, where it comes from and its parameters; how often each fired and was dismissed in 90 days.</summary>
public sealed class RuleCatalogue(IEnumerable<ISafeguardingRule> rules, RuleSettings settings, ChildStoryDbContext db)
{
    public IReadOnlyList<RuleDescription> Describe() => rules.OrderBy(r => r.Id)
        .Select(r => new RuleDescription(r.Id, r.Version, r.Title, r.Source, r.Guidance, r.Audience.ToString(), r.TimeDriven, settings.Enabled(r.Id), r.Parameters)).ToList();

    /// <summary>Alert fatigue: for each rule, alerts raised in the last <paramref name="days"/> per 100 of the children agencies work with, per month.</summary>
    public async Task<(int Children, List<RuleLoad> Rules)> LoadAsync(int days, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var since = now.AddDays(-days);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var universal = TeamAroundChild.UniversalServices.Roles;
        var children = await db.Involvements.AsNoTracking().Where(i => (i.EndedOn == null || i.EndedOn >= today) && !universal.Contains(i.Role))
            .Select(i => i.ChildId).Distinct().CountAsync(ct);
        var counts = await db.Alerts.AsNoTracking().Where(a => a.RaisedAt >= since).GroupBy(a => a.RuleId)
            .Select(g => new { g.Key, Alerts = g.Count(), Children = g.Select(a => a.ChildId).Distinct().Count() }).ToListAsync(ct);
        var months = days / 30.4375;
        return (children, Describe().Select(r => counts.FirstOrDefault(c => c.Key == r.Id) is { } c
            ? new RuleLoad(r.Id, c.Alerts, c.Children, children == 0 ? 0 : c.Alerts * 100.0 / children / months)
            : new RuleLoad(r.Id, 0, 0, 0)).ToList());
    }

    public async Task<List<RuleStatistics>> StatisticsAsync(CancellationToken ct = default)
    {
        var since = db.Time.GetUtcNow().AddDays(-90);
        var counts = await db.Alerts.AsNoTracking().Where(a => a.RaisedAt >= since).GroupBy(a => a.RuleId)
            .Select(g => new { g.Key, Fired = g.Count(), Dismissed = g.Count(a => a.Status == AlertStatus.Dismissed), Actioned = g.Count(a => a.Status == AlertStatus.Actioned) })
            .ToListAsync(ct);
        return Describe().Select(r => counts.FirstOrDefault(c => c.Key == r.Id) is { } c
            ? new RuleStatistics(r, c.Fired, c.Dismissed, c.Actioned)
            : new RuleStatistics(r, 0, 0, 0)).ToList();
    }
}
