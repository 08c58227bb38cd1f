using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Rules;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record AlertView(Guid Id, Guid ChildId, string ChildName, string RuleId, int RuleVersion, string Title, string Summary, string Guidance,
    IReadOnlyList<Evidence> Evidence, AlertAudience Audience, DateTimeOffset RaisedAt, AlertStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Outcome);

/// <summary>A child's alerts, and the open alerts about the children a practitioner's team works with.</summary>
public sealed class AlertQueries(ChildStoryDbContext db, ChildAccess access)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<List<AlertView>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var alerts = await ViewsAsync(db.Alerts.AsNoTracking().Where(a => a.ChildId == childId), ct);
        db.Audit(AuditActions.AlertsViewed, childId, detail: $"{{\"basis\":\"{opened.Value}\"}}");
        await db.SaveChangesAsync(ct);
        return alerts;
    }

    /// <summary>Open and acknowledged alerts for the children the actor may see through their team or agency (not the front door's "everyone").</summary>
    public async Task<Result<List<AlertView>>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.PractitionerId is null)
        {
            return Error.Forbidden("Only a practitioner has alerts");
        }
        var visible = await access.VisibleChildIdsAsync(actor, ct);
        var query = db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Acknowledged);
        query = visible is null ? query.Where(_ => false) : query.Where(a => visible.Contains(a.ChildId));
        return await ViewsAsync(query, ct);
    }

    private async Task<List<AlertView>> ViewsAsync(IQueryable<Alert> alerts, CancellationToken ct)
    {
        var rows = await alerts.OrderBy(a => a.Status).ThenByDescending(a => a.RaisedAt).Take(500)
            .Join(db.People, a => a.ChildId, p => p.Id, (a, p) => new { a, Name = p.GivenName + " " + p.FamilyName }).ToListAsync(ct);
        return rows.Select(r => new AlertView(r.a.Id, r.a.ChildId, r.Name, r.a.RuleId, r.a.RuleVersion, r.a.Title, r.a.Summary, r.a.Guidance,
            JsonSerializer.Deserialize<List<Evidence>>(r.a.EvidenceJson, Json) ?? [], r.a.Audience, r.a.RaisedAt, r.a.Status, r.a.DecidedBy, r.a.DecidedAt, r.a.Outcome)).ToList();
    }
}
