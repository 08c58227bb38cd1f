using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Domain.Rules;
using ChildStory.Features.Access;
using ChildStory.Features.Rules;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Rules;

/// <summary>
/// The engine on a real database: new information queues the child, the rules raise an alert once per condition, a
/// dismissed condition stays quiet until it changes, alerts and decisions land in the story, and only the team may see
/// or decide them.
/// </summary>
public abstract class RulesEngineTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    /// <summary>A child of Priya's team, with a self-harm event from the hospital on the given day.</summary>
    private async Task<Guid> ChildWithSelfHarmAsync(string name, DateTimeOffset at)
    {
        await using var db = App.CreateContext();
        var priya = await db.Practitioners.SingleAsync(p => p.Email == World.SocialWorkerEmail);
        var child = new Person(Guid.NewGuid(), name, "Rules", new DateOnly(2010, 4, 1), Gender.Male, isChild: true);
        db.People.Add(child);
        db.Involvements.Add(new Involvement(Guid.NewGuid(), child.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
        await db.SaveChangesAsync();
        await AddEventAsync(child.Id, EventType.OverdoseOrSelfHarm, at, "Took tablets; treated in A&E");
        return child.Id;
    }

    private async Task AddEventAsync(Guid child, EventType type, DateTimeOffset at, string summary)
    {
        await using var db = App.CreateContext();
        var agency = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync();
        var person = await db.People.SingleAsync(p => p.Id == child);
        var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), agency, Guid.Empty, "Ward 4", type, at, at, summary,
            new EventSubject(person.GivenName, person.FamilyName, person.DateOfBirth, null, null, null, null, null), child);
        e.Describe(null, true, Verification.Verified, new EventFacts());
        db.ChronologyEvents.Add(e);
        await db.SaveChangesAsync();
    }

    private async Task<List<Alert>> AlertsAsync(Guid child)
    {
        await using var db = App.CreateContext();
        return await db.Alerts.AsNoTracking().Where(a => a.ChildId == child).OrderBy(a => a.RaisedAt).ToListAsync();
    }

    [Fact]
    public async Task New_information_raises_an_alert_once_per_condition_and_a_changed_condition_raises_again()
    {
        App.Clock.Now = Utc(2026, 11, 10, 9, 0);
        var child = await ChildWithSelfHarmAsync("Ollie", Utc(2026, 11, 9, 22, 0));
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        Assert.DoesNotContain(await AlertsAsync(child), a => a.RuleId == "repeated-self-harm");

        App.Clock.Now = Utc(2026, 11, 20, 9, 0);
        await AddEventAsync(child, EventType.OverdoseOrSelfHarm, Utc(2026, 11, 19, 23, 0), "Second overdose");
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        var first = Assert.Single(await AlertsAsync(child), a => a.RuleId == "repeated-self-harm");
        Assert.Contains("2 episodes", first.Summary);
        Assert.Contains("Second overdose", first.EvidenceJson);

        // Dismissed with a reason: the same condition stays quiet, however often the rules run.
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var noReason = await UseAsync(s => s.GetRequiredService<DecideAlert>().RunAsync(priya, first.Id, AlertStatus.Dismissed, " "));
        Assert.Equal(["Outcome"], noReason.Error!.Fields.Keys);
        Assert.True((await UseAsync(s => s.GetRequiredService<DecideAlert>().RunAsync(priya, first.Id, AlertStatus.Dismissed, "Discussed at strategy meeting; plan in place"))).Succeeded);
        await UseAsync(s => s.GetRequiredService<RunRules>().EvaluateAsync(child));
        Assert.Single(await AlertsAsync(child), a => a.RuleId == "repeated-self-harm");

        // A third overdose changes the condition: a new alert.
        App.Clock.Now = Utc(2026, 11, 25, 9, 0);
        await AddEventAsync(child, EventType.OverdoseOrSelfHarm, Utc(2026, 11, 24, 21, 0), "Third overdose");
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        Assert.Equal(2, (await AlertsAsync(child)).Count(a => a.RuleId == "repeated-self-harm"));

        await using var db = App.CreateContext();
        Assert.True(await db.ChronologyEvents.AnyAsync(e => e.ChildId == child && e.Type == EventType.AlertRaised && e.Summary.Contains("Repeated self-harm")));
        Assert.True(await db.ChronologyEvents.AnyAsync(e => e.ChildId == child && e.Type == EventType.AlertDecided && e.Summary.Contains("dismissed by Priya Shah")));
        Assert.True(await db.Notifications.AnyAsync(n => n.ChildId == child && n.Title.StartsWith("Alert:")));
    }

    [Fact]
    public async Task Time_alone_raises_the_gp_follow_up_alert_in_the_sweep()
    {
        App.Clock.Now = Utc(2026, 10, 1, 9, 0);
        var child = await ChildWithSelfHarmAsync("Reece", Utc(2026, 9, 30, 22, 0));
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        Assert.DoesNotContain(await AlertsAsync(child), a => a.RuleId == "gp-follow-up");
        App.Clock.Now = Utc(2026, 10, 15, 9, 0);
        var swept = await UseAsync(s => s.GetRequiredService<RunRules>().SweepAsync());
        Assert.True(swept.Children >= 1);
        Assert.Single(await AlertsAsync(child), a => a.RuleId == "gp-follow-up");
    }

    [Fact]
    public async Task Only_the_team_sees_and_decides_a_childs_alerts_and_broken_glass_reads_but_cannot_decide()
    {
        App.Clock.Now = Utc(2026, 11, 20, 9, 0);
        var child = await ChildWithSelfHarmAsync("Jay", Utc(2026, 11, 1, 22, 0));
        await AddEventAsync(child, EventType.OverdoseOrSelfHarm, Utc(2026, 11, 19, 23, 0), "Again");
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        var alert = (await AlertsAsync(child)).First();

        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        Assert.Contains("Repeated self-harm", await priya.GetPageAsync($"/children/{child}/alerts"));
        Assert.Contains("Record what was decided", await priya.GetPageAsync($"/alerts/{alert.Id}"));
        Assert.Contains("Jay Rules", await priya.GetPageAsync("/alerts"));
        Assert.Contains("repeated-self-harm", await priya.GetPageAsync("/rules"));
        var acted = await (await priya.PostFormAsync($"/alerts/{alert.Id}", new() { ["Decision"] = "Actioned", ["Outcome"] = "GP asked to see him this week" })).Content.ReadAsStringAsync();
        Assert.Contains("Decision recorded", acted);

        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        await lewis.GetPageAsync($"/children/{child}/alerts", HttpStatusCode.NotFound);
        await lewis.GetPageAsync($"/alerts/{alert.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Jay Rules", await lewis.GetPageAsync("/alerts"));
        Assert.Equal(HttpStatusCode.NotFound, (await lewis.PostFormAsync($"/alerts/{alert.Id}", new() { ["Decision"] = "Dismissed", ["Outcome"] = "x" }, "/alerts")).StatusCode);

        var lewisActor = await ActorAsync(World.OtherTeamEmail);
        Assert.True((await UseAsync(s => s.GetRequiredService<BreakGlass>().RunAsync(lewisActor, new BreakGlass.Command(child, "Police called at 02:00 asking about him")))).Succeeded);
        Assert.Single((await UseAsync(s => s.GetRequiredService<AlertQueries>().ForChildAsync(lewisActor, child))).Value, a => a.Id == alert.Id);
        var refused = await UseAsync(s => s.GetRequiredService<DecideAlert>().RunAsync(lewisActor, alert.Id, AlertStatus.Dismissed, "Not mine"));
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
    }

    [Fact]
    public async Task The_register_lists_a_child_with_concerns_in_three_domains_and_names_only_children_the_reader_may_see()
    {
        App.Clock.Now = Utc(2026, 11, 20, 9, 0);
        var child = await ChildWithSelfHarmAsync("Kian", Utc(2026, 11, 1, 22, 0));
        await AddEventAsync(child, EventType.MissingEpisode, Utc(2026, 11, 5, 22, 0), "Missing overnight");
        await AddEventAsync(child, EventType.Arrest, Utc(2026, 11, 12, 15, 0), "Arrested with older males");
        await UseAsync(s => s.GetRequiredService<RunRules>().RunQueueAsync());
        Assert.Single(await AlertsAsync(child), a => a.RuleId == "complex-needs");

        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var register = await priya.GetPageAsync("/register");
        Assert.Contains("Kian Rules", register);
        Assert.Contains("going missing", register);
        Assert.Contains("Kian Rules", await priya.GetPageAsync("/register?handler=Csv"));
        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        var hidden = await lewis.GetPageAsync("/register");
        Assert.DoesNotContain("Kian Rules", hidden);
        Assert.Contains("counted but not named", hidden);
    }
}

public sealed class RulesEngineOnSqlite(SqliteAppFactory app) : RulesEngineTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class RulesEngineOnPostgres(PostgresAppFactory app) : RulesEngineTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
