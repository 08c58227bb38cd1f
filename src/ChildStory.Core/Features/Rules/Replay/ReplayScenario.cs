using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Features.Rules.Replay;

/// <summary>
/// Replays a scenario into an empty database: creates its agencies and people, then walks the clock a day at a time
/// from start to end. Each day, involvements, relationships and plans that begin or end that day are recorded, each
/// event is received at its time and the rules run for its child at that moment, and at the end of the day the rules
/// time alone can trigger run for every child. Every alert raised is returned in the scenario's own keys.
/// </summary>
public static class ReplayScenario
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Replays into a throwaway SQLite database of its own, with a clock the replay moves; the configured database is not touched.</summary>
    public static async Task<List<ReplayedAlert>> RunInFreshDatabaseAsync(ScenarioFile scenario, Action<DateOnly>? progress = null, CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("childstory-replay-");
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:ChildStory"] = $"Data Source={Path.Combine(folder.FullName, "replay.db")};Pooling=false",
            }).Build();
            var clock = new ReplayClock(new DateTimeOffset(scenario.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
            services.AddChildStoryCore(configuration);
            services.AddSingleton<TimeProvider>(clock);
            await using var provider = services.BuildServiceProvider();
            await using (var scope = provider.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>().Database.MigrateAsync(ct);
            }
            return await RunAsync(provider, clock, scenario, progress, ct);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static async Task<List<ReplayedAlert>> RunAsync(IServiceProvider services, ReplayClock clock, ScenarioFile scenario, Action<DateOnly>? progress = null,
        CancellationToken ct = default)
    {
        var ids = new Dictionary<string, Guid>();
        Guid Id(string key) => ids.TryGetValue(key, out var id) ? id : ids[key] = Guid.NewGuid();
        var names = new Dictionary<Guid, string>();
        clock.Now = At(scenario.Start, 0);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            foreach (var a in scenario.Agencies)
            {
                db.Agencies.Add(new Agency(Id(a.Key), a.Key.ToUpperInvariant()[..Math.Min(a.Key.Length, 10)], a.Name, a.Kind));
            }
            foreach (var p in scenario.People)
            {
                var sex = Enum.TryParse<Gender>(p.Sex, true, out var g) && !int.TryParse(p.Sex, out _) ? g : Gender.NotKnown;
                db.People.Add(new Person(Id(p.Key), p.GivenName, p.FamilyName, p.DateOfBirth, sex, isChild: p.Child));
                names[Id(p.Key)] = p.Key;
            }
            await db.SaveChangesAsync(ct);
        }

        var involvements = new Dictionary<string, Involvement>();
        // Events when received, then screenings, NRM decisions, meetings and MACE discussions at their times: each lands
        // at its moment and the rules run for its child then (a stable sort keeps an event first at the same moment).
        var steps = scenario.Events.Select(e => new ReplayStep(e.ReceivedAt ?? e.At, e.Child, (db, now, ct) => AddEventAsync(db, scenario, e, Id, names, now, ct)))
            .Concat(ReplayExploitation.Steps(scenario, Id, names))
            .Concat(ReplayActions.Steps(scenario, Id, names))
            .Concat(ReplayEducation.Steps(scenario, Id, names))
            .OrderBy(s => s.At).ToList();
        var alerts = new List<ReplayedAlert>();
        for (var day = scenario.Start; day <= scenario.End; day = day.AddDays(1))
        {
            progress?.Invoke(day);
            clock.Now = At(day, 0);
            var touched = new HashSet<Guid>();
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
                foreach (var i in (scenario.Involvements ?? []).Where(i => i.From == day))
                {
                    var involvement = new Involvement(Id(i.Key), Id(i.Child), Id(i.Agency), null, null, i.Role, i.From);
                    if (i.Lead)
                    {
                        involvement.MakeLeadProfessional();
                    }
                    db.Involvements.Add(involvement);
                    involvements[i.Key] = involvement;
                    names[involvement.Id] = i.Key;
                    touched.Add(Id(i.Child));
                }
                foreach (var i in (scenario.Involvements ?? []).Where(i => i.To == day && involvements.ContainsKey(i.Key)))
                {
                    var involvementId = Id(i.Key);
                    var involvement = await db.Involvements.SingleAsync(x => x.Id == involvementId, ct);
                    involvement.End(day, i.EndReason ?? "Ended");
                    touched.Add(Id(i.Child));
                }
                foreach (var r in (scenario.Relationships ?? []).Where(r => (r.From ?? scenario.Start) == day))
                {
                    var personId = Id(r.Person);
                    var person = await db.People.SingleAsync(p => p.Id == personId, ct);
                    var relationship = Relationship.Known(Id(r.Child), person, r.Kind, parentalResponsibility: r.Kind is RelationshipKind.Mother or RelationshipKind.Father,
                        livesWithChild: r.LivesWithChild);
                    db.Relationships.Add(relationship);
                    names[relationship.Id] = r.Person;
                    touched.Add(Id(r.Child));
                }
                foreach (var p in (scenario.Plans ?? []).Where(p => p.From == day))
                {
                    db.Plans.Add(new Plan(Id(p.Key), Id(p.Child), p.Kind, p.From, p.From.AddMonths(3), Guid.Empty, "Scenario", Guid.Empty, ChildVoice.None, FamilyViews.None,
                        p.Kind == PlanKind.ChildProtection ? ProtectionCategory.Neglect : null, AdultServices.None));
                    touched.Add(Id(p.Child));
                }
                foreach (var p in (scenario.Plans ?? []).Where(p => p.To == day))
                {
                    var planId = Id(p.Key);
                    var plan = await db.Plans.SingleAsync(x => x.Id == planId, ct);
                    plan.End(day, "Ended");
                    touched.Add(Id(p.Child));
                }
                await db.SaveChangesAsync(ct);
            }
            foreach (var child in touched)
            {
                alerts.AddRange(await EvaluateAsync(services, child, false, names, ct));
            }

            foreach (var step in steps.Where(s => DateOnly.FromDateTime(s.At.UtcDateTime) == day))
            {
                clock.Now = step.At.ToUniversalTime();
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
                    await step.Apply(db, clock.Now, ct);
                    await db.SaveChangesAsync(ct);
                }
                alerts.AddRange(await EvaluateAsync(services, Id(step.Child), false, names, ct));
            }

            clock.Now = At(day, 23).AddMinutes(59);
            foreach (var child in scenario.People.Where(p => p.Child))
            {
                alerts.AddRange(await EvaluateAsync(services, Id(child.Key), true, names, ct));
            }
        }
        return alerts;
    }

    private static async Task AddEventAsync(ChildStoryDbContext db, ScenarioFile scenario, ScenarioEvent e, Func<string, Guid> id, Dictionary<Guid, string> names,
        DateTimeOffset now, CancellationToken ct)
    {
        var childId = id(e.Child);
        var child = await db.People.AsNoTracking().SingleAsync(p => p.Id == childId, ct);
        var agency = scenario.Agencies.Single(a => a.Key == e.Agency);
        var subject = new EventSubject(child.GivenName, child.FamilyName, child.DateOfBirth, null, null, null, null, null);
        var ev = ChronologyEvent.EnteredInChildStory(id(e.Key), id(e.Agency), Guid.Empty, e.Author ?? agency.Name, e.Type, e.At.ToUniversalTime(),
            now, e.Summary.Length <= 500 ? e.Summary : e.Summary[..497] + "…", subject, child.Id);
        var f = e.Facts;
        ev.Describe(null, e.Significant, Verification.Verified, new EventFacts(f?.ChildPresent, f?.DomesticAbuse, f?.Planned, f?.Successful, f?.ChildSeen,
            f?.ChildSeenAlone, null, null, f?.BedroomSeen));
        var unknown = new List<string>();
        ev.Flag(Concerns.Parse(e.Concerns, unknown));
        if (unknown.Count > 0)
        {
            throw new FormatException($"event {e.Key}: unknown concern(s) {string.Join(", ", unknown)}");
        }
        db.ChronologyEvents.Add(ev);
        names[ev.Id] = e.Key;
    }

    private static async Task<IEnumerable<ReplayedAlert>> EvaluateAsync(IServiceProvider services, Guid child, bool timeDrivenOnly, Dictionary<Guid, string> names, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var raised = await scope.ServiceProvider.GetRequiredService<RunRules>().EvaluateAsync(child, timeDrivenOnly, ct);
        var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
        await db.RuleWork.ExecuteDeleteAsync(ct);
        return raised.Select(a => new ReplayedAlert(a.RaisedAt, a.RuleId, names[a.ChildId],
            (JsonSerializer.Deserialize<List<Evidence>>(a.EvidenceJson, Json) ?? []).Select(e => names.GetValueOrDefault(e.Id, e.Id.ToString())).ToList(), a.Summary));
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
