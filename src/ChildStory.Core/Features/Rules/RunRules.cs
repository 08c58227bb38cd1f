using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.Rules;
using ChildStory.Features.Calendar;
using ChildStory.Features.Rules.Library;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

public sealed record RulesRun(int Children, int AlertsRaised);

/// <summary>
/// The engine. For one child it loads what the partnership knew at the time (<see cref="ChildFacts"/>), asks every
/// enabled rule, and turns each finding whose condition is new into an alert: stored with its rule, version, evidence
/// and guidance, written into the child's story, and sent to the people the rule names. A condition already alerted
/// (even if dismissed) does not alert again until it changes. It keeps the complex-needs register in step. It runs for
/// the children whose information changed (the work list every save fills) and, for the rules that time alone can
/// trigger, in a sweep of the children agencies are working with.
/// </summary>
public sealed class RunRules(ChildStoryDbContext db, IEnumerable<ISafeguardingRule> rules, RuleSettings settings, PartnershipCalendar calendar, Notifier notify)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<List<Alert>> EvaluateAsync(Guid childId, bool timeDrivenOnly = false, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var facts = await ChildFacts.LoadAsync(db, working, childId, now, ct);
        if (facts is null)
        {
            return [];
        }
        var known = (await db.Alerts.AsNoTracking().Where(a => a.ChildId == childId).Select(a => new { a.RuleId, a.ConditionKey }).ToListAsync(ct))
            .Select(a => (a.RuleId, a.ConditionKey)).ToHashSet();
        var raised = new List<Alert>();
        foreach (var rule in rules.Where(r => settings.Enabled(r.Id) && (!timeDrivenOnly || r.TimeDriven)))
        {
            foreach (var finding in rule.Evaluate(facts))
            {
                if (!known.Add((rule.Id, finding.ConditionKey)))
                {
                    continue;
                }
                var alert = new Alert(Guid.NewGuid(), childId, rule.Id, rule.Version, finding.ConditionKey, now, rule.Title, Clip(finding.Summary, 2_000),
                    rule.Guidance, JsonSerializer.Serialize(finding.Evidence, Json), rule.Audience);
                db.Alerts.Add(alert);
                raised.Add(alert);
                var agency = await StoryAgencyAsync(childId, ct);
                if (agency is { } agencyId)
                {
                    await FollowUpStory.WriteAsync(db, childId, agencyId, null, $"ChildStory rule {rule.Id} (v{rule.Version})", EventType.AlertRaised,
                        $"Alert: {rule.Title}. {finding.Summary} Guidance: {rule.Guidance}", true, ct);
                }
                notify.Tell(await AudienceAsync(childId, rule.Audience, ct), childId, $"Alert: {rule.Title}", Clip(finding.Summary, 500), $"/children/{childId}/alerts");
            }
        }
        if (!timeDrivenOnly)
        {
            await KeepRegisterAsync(facts, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (UniqueViolation.IsClash(e))
        {
            // Another worker raised the same condition for this child at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return [];
        }
        return raised;
    }

    /// <summary>Evaluates every child whose information changed since the last run, then clears their work.</summary>
    public async Task<RulesRun> RunQueueAsync(int batch = 500, CancellationToken ct = default)
    {
        var work = await db.RuleWork.AsNoTracking().OrderBy(w => w.Id).Take(batch).Select(w => new { w.Id, w.ChildId }).ToListAsync(ct);
        if (work.Count == 0)
        {
            return new RulesRun(0, 0);
        }
        var raised = 0;
        var children = work.Select(w => w.ChildId).Distinct().ToList();
        foreach (var child in children)
        {
            raised += (await EvaluateAsync(child, ct: ct)).Count;
        }
        var last = work[^1].Id;
        await db.RuleWork.Where(w => w.Id <= last).ExecuteDeleteAsync(ct);
        return new RulesRun(children.Count, raised);
    }

    /// <summary>The rules time alone can trigger (or, with <paramref name="allRules"/>, every rule) for every child an agency works with (targeted services) or who has an active plan.</summary>
    public async Task<RulesRun> SweepAsync(CancellationToken ct = default, bool allRules = false)
    {
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var universal = UniversalServices.Roles;
        var children = await db.Involvements.AsNoTracking()
            .Where(i => (i.EndedOn == null || i.EndedOn >= today.AddDays(-30)) && !universal.Contains(i.Role)).Select(i => i.ChildId)
            .Union(db.Plans.AsNoTracking().Where(p => p.EndedOn == null).Select(p => p.ChildId))
            .Union(EducationFacts.SweepChildren(db, today))
            .Distinct().ToListAsync(ct);
        var raised = 0;
        foreach (var child in children)
        {
            raised += (await EvaluateAsync(child, timeDrivenOnly: !allRules, ct)).Count;
            db.ChangeTracker.Clear();
        }
        return new RulesRun(children.Count, raised);
    }

    private async Task KeepRegisterAsync(ChildFacts facts, DateTimeOffset now, CancellationToken ct)
    {
        var complex = rules.OfType<ComplexNeeds>().FirstOrDefault();
        if (complex is null)
        {
            return;
        }
        var finding = settings.Enabled(complex.Id) ? complex.Evaluate(facts).FirstOrDefault() : null;
        var open = await db.RegisterEntries.SingleOrDefaultAsync(r => r.ChildId == facts.ChildId && r.LeftAt == null, ct);
        var domains = finding is null ? "" : string.Join(",", complex.Domains(facts).Keys.Order());
        if (finding is not null && open is null)
        {
            db.RegisterEntries.Add(new RegisterEntry(Guid.NewGuid(), facts.ChildId, now, domains));
        }
        else if (finding is not null)
        {
            open!.Update(domains);
        }
        else
        {
            open?.Leave(now);
        }
    }

    /// <summary>The agency under whose name an alert is written into the story: the lead professional's, else any involved.</summary>
    private async Task<Guid?> StoryAgencyAsync(Guid childId, CancellationToken ct) =>
        await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId).OrderByDescending(i => i.IsLeadProfessional).ThenBy(i => i.EndedOn != null)
            .Select(i => (Guid?)i.AgencyId).FirstOrDefaultAsync(ct);

    private async Task<List<Party>> AudienceAsync(Guid childId, AlertAudience audience, CancellationToken ct)
    {
        var team = await CaseworkAccess.TeamAroundAsync(db, childId, ct);
        switch (audience)
        {
            case AlertAudience.LeadProfessional:
                var lead = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.IsLeadProfessional && i.PractitionerId != null)
                    .OrderBy(i => i.Id).Select(i => i.PractitionerId!.Value).FirstOrDefaultAsync(ct);
                return lead == Guid.Empty ? team : await ShareParties.PractitionerAsync(db, lead, ct);
            case AlertAudience.Team:
                return await TimescaleClock.ResponsibleTeamAsync(db, childId, ct) is { } teamId ? await ShareParties.TeamAsync(db, teamId, ct) : team;
            case AlertAudience.Managers:
                var managers = await ShareParties.ManagersOfAsync(db, team.Select(p => p.PractitionerId), ct);
                return managers.Count > 0 ? managers : team;
            default:
                var duty = await ShareParties.Select(db.Practitioners.AsNoTracking().Where(p => p.IsActive && p.Team != null && p.Team.Function == TeamFunction.EmergencyDuty), ct);
                return duty.Count > 0 ? duty : team;
        }
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
