using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

public sealed record DifferenceRow(Guid Id, Guid ChildId, string ChildName, string Concerns, string RaisedBy, string RaisedByAgency, string SubjectAgency,
    int Stage, string StageName, DateTimeOffset? DueAt, bool Overdue, DifferenceStatus Status, DateTimeOffset RaisedAt);

public sealed record StageView(int Number, string Name, DateTimeOffset StartedAt, DateTimeOffset DueAt, string DueExplanation, DateTimeOffset? RespondedAt,
    string? RespondedBy, StageAnswer? Answer, string? Response, string? Outcome, DateTimeOffset? EndedAt, bool MovedUpEarly, string? MoveUpReason, bool Overdue);

public sealed record DifferenceView(Guid Id, Guid ChildId, string ChildName, bool CanSeeChild, string RaisedBy, string RaisedByAgency, DateTimeOffset RaisedAt,
    string SubjectAgency, string? SubjectPerson, string Concerns, string WhyItMatters, string OutcomeSought, DifferenceLink Link, Guid? LinkId, string? LinkText,
    DifferenceStatus Status, int CurrentStage, int LastStage, IReadOnlyList<StageView> Stages, string? Resolution, string? ChangeForChild, string? ResolvedBy,
    DateTimeOffset? ResolvedAt, bool CanRespond, string? RespondAs, bool CanMoveUp, bool MoveUpIsEarly, string? NextStageName, bool CanResolve);

public sealed record MyDifferences(IReadOnlyList<DifferenceRow> AwaitingMyResponse, IReadOnlyList<DifferenceRow> AboutMyAgency, IReadOnlyList<DifferenceRow> RaisedByMe);

/// <summary>Reads differences for the pages and the API, each through <see cref="DifferenceAccess"/> or the child's need to know.</summary>
public sealed class DifferenceQueries(ChildStoryDbContext db, DifferenceAccess access, ChildAccess children, IOptions<EscalationOptions> options)
{
    public async Task<Result<DifferenceView>> DetailAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, id, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var d = opened.Value;
        var now = db.Time.GetUtcNow();
        var settings = options.Value;
        var names = await AgencyNamesAsync([d.SubjectAgencyId, d.RaisedByAgencyId], ct);
        var child = await db.People.AsNoTracking().Where(p => p.Id == d.ChildId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var canSeeChild = await children.CanSeeAsync(actor, d.ChildId, ct);
        var current = d.Current!;
        var stage = settings.Stage(Math.Min(d.CurrentStage, settings.LastStage));
        var canRespond = d.IsOpen && current.RespondedAt is null && RespondToStage.MayRespond(actor, d, stage);
        var canMoveUp = d.IsOpen && actor.AgencyId == d.RaisedByAgencyId && d.CurrentStage < settings.LastStage;
        var early = current.RespondedAt is null ? now <= current.DueAt : current.Answered == StageAnswer.Agreed;
        var canResolve = d.IsOpen && (actor.AgencyId == d.RaisedByAgencyId || actor.AgencyId == d.SubjectAgencyId || actor.IsInRole(Roles.PartnershipLead));
        db.Audit(AuditActions.DifferenceViewed, d.ChildId, subject: $"ProfessionalDifference:{d.Id}");
        await db.SaveChangesAsync(ct);
        return new DifferenceView(d.Id, d.ChildId, child, canSeeChild, d.RaisedByName, names[d.RaisedByAgencyId], d.RaisedAt, names[d.SubjectAgencyId], d.SubjectPerson,
            d.Concerns, d.WhyItMatters, d.OutcomeSought, d.Link, d.LinkId, d.LinkText, d.Status, d.CurrentStage, settings.LastStage,
            d.Stages.OrderBy(s => s.Number).Select(s => new StageView(s.Number, s.Name, s.StartedAt, s.DueAt, s.DueExplanation, s.RespondedAt, s.RespondedByName, s.Answered,
                s.Response, s.Outcome, s.EndedAt, s.MovedUpEarly, s.MoveUpReason, d.IsOpen && s.IsOverdue(now))).ToList(),
            d.Resolution, d.ChangeForChild, d.ResolvedByName, d.ResolvedAt, canRespond, canRespond ? stage.Name : null, canMoveUp, early,
            canMoveUp ? settings.Stage(d.CurrentStage + 1).Name : null, canResolve);
    }

    /// <summary>The differences about one child, for the team around the child (the child's need to know decides).</summary>
    public async Task<Result<List<DifferenceRow>>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await children.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        return await RowsAsync(db.ProfessionalDifferences.Where(d => d.ChildId == childId), ct);
    }

    public async Task<MyDifferences> MineAsync(Actor actor, CancellationToken ct = default)
    {
        var me = actor.PractitionerId ?? Guid.Empty;
        var agency = actor.AgencyId ?? Guid.Empty;
        var raised = await RowsAsync(db.ProfessionalDifferences.Where(d => d.RaisedById == me), ct);
        var about = await RowsAsync(db.ProfessionalDifferences.Where(d => d.SubjectAgencyId == agency && d.Status == DifferenceStatus.Open), ct);
        var settings = options.Value;
        var awaiting = new List<DifferenceRow>();
        var leadStages = settings.Effective.Select((s, i) => (s, i)).Where(x => x.s.Responder == StageResponder.PartnershipLead).Select(x => x.i + 1).ToList();
        var candidates = actor.IsInRole(Roles.PartnershipLead)
            ? db.ProfessionalDifferences.Where(d => d.Status == DifferenceStatus.Open && (d.SubjectAgencyId == agency || leadStages.Contains(d.CurrentStage)))
            : db.ProfessionalDifferences.Where(d => d.Status == DifferenceStatus.Open && d.SubjectAgencyId == agency);
        foreach (var row in await RowsAsync(candidates.Where(d => d.Stages.Any(s => s.Number == d.CurrentStage && s.RespondedAt == null)), ct))
        {
            var stage = settings.Stage(Math.Min(row.Stage, settings.LastStage));
            if (EscalationOptions.MayAnswer(actor, stage.Responder) && (stage.Responder == StageResponder.PartnershipLead || agency != Guid.Empty))
            {
                awaiting.Add(row);
            }
        }
        return new MyDifferences(awaiting, about, raised);
    }

    /// <summary>The child's name, for a page whose caller has already opened the child.</summary>
    public Task<string> ChildNameAsync(Guid childId, CancellationToken ct = default) =>
        db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);

    /// <summary>The agencies a difference can be raised with: every active agency but the raiser's own.</summary>
    public async Task<List<(Guid Id, string Name)>> AgenciesAsync(Actor actor, CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.Id != actor.AgencyId).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
        .Select(a => (a.Id, a.Name)).ToList();

    /// <summary>The pre-filled raise form's evidence, for a child the actor works with.</summary>
    public Task<DifferenceSubject?> PrefillAsync(Guid childId, string? from, CancellationToken ct = default) => DifferenceSubjects.FindAsync(db, childId, from, ct);

    private async Task<List<DifferenceRow>> RowsAsync(IQueryable<ProfessionalDifference> query, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var rows = await query.AsNoTracking()
            .OrderByDescending(d => d.RaisedAt)
            .Select(d => new
            {
                d.Id,
                d.ChildId,
                Child = db.People.Where(p => p.Id == d.ChildId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                d.Concerns,
                d.RaisedByName,
                d.RaisedByAgencyId,
                d.SubjectAgencyId,
                d.CurrentStage,
                d.Status,
                d.RaisedAt,
                Stage = d.Stages.Where(s => s.Number == d.CurrentStage).Select(s => new { s.Name, s.DueAt, s.RespondedAt }).FirstOrDefault(),
            })
            .Take(500).ToListAsync(ct);
        var names = await AgencyNamesAsync(rows.SelectMany(r => new[] { r.RaisedByAgencyId, r.SubjectAgencyId }), ct);
        return rows.Select(r => new DifferenceRow(r.Id, r.ChildId, r.Child ?? "", r.Concerns, r.RaisedByName, names[r.RaisedByAgencyId], names[r.SubjectAgencyId],
            r.CurrentStage, r.Stage?.Name ?? "", r.Status == DifferenceStatus.Open ? r.Stage?.DueAt : null,
            r.Status == DifferenceStatus.Open && r.Stage is { RespondedAt: null } s && s.DueAt < now, r.Status, r.RaisedAt)).ToList();
    }

    private async Task<Dictionary<Guid, string>> AgencyNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
    }
}
