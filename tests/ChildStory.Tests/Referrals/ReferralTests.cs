using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Referrals;
using ChildStory.Features;
using ChildStory.Features.Referrals;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Referrals;

public abstract class ReferralTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
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

    /// <summary>A service run by the police exploitation team, made once per test class's database.</summary>
    private async Task<Guid> ServiceAsync(string name)
    {
        await using var db = App.CreateContext();
        if (await db.ReferralServices.Where(s => s.Name == name).Select(s => (Guid?)s.Id).SingleOrDefaultAsync() is { } id)
        {
            return id;
        }
        var cet = await db.Teams.SingleAsync(t => t.Name == "Child Exploitation Team");
        var service = new ReferralService(Guid.NewGuid(), name, ServiceKind.ChildExploitation, cet.AgencyId, cet.Id, new ServiceTargets(1, 2, 3, 2, 4));
        db.ReferralServices.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    }

    [Fact]
    public async Task A_referral_moves_step_by_step_a_critical_moment_fast_tracks_it_and_a_miss_is_escalated_once()
    {
        var serviceId = await ServiceAsync("Exploitation support (fast track test)");
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var dan = await ActorAsync(World.PoliceEmail);
        var lewis = await ActorAsync(World.OtherTeamEmail);
        App.Clock.Now = Utc(2026, 11, 18, 11, 0); // Wednesday
        var made = await UseAsync(s => s.GetRequiredService<MakeReferral>().RunAsync(priya, World.Amelia, serviceId, "Going missing with older males", false, null));
        Assert.True(made.Succeeded, made.Error?.ToString());
        async Task<Referral> LoadAsync()
        {
            await using var db = App.CreateContext();
            return await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == made.Value);
        }
        Assert.Equal(Utc(2026, 11, 19, 17, 0), (await LoadAsync()).NextDueAt);

        // Only the service's team records its steps, in order, with a reason where one is needed.
        var notTeam = await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(lewis, made.Value, ReferralStage.Received, null));
        Assert.Equal(ErrorKind.Forbidden, notTeam.Error!.Kind);
        var declineNoReason = await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Declined, " "));
        Assert.Contains("Text", declineNoReason.Error!.Fields.Keys);
        App.Clock.Now = Utc(2026, 11, 19, 10, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Received, null))).Succeeded);
        var outOfOrder = await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.FirstContact, null));
        Assert.Equal(ErrorKind.Conflict, outOfOrder.Error!.Kind);
        Assert.Contains("the next step is 'accepted'", outOfOrder.Error.Title);
        Assert.Equal(Utc(2026, 11, 23, 17, 0), (await LoadAsync()).NextDueAt); // two working days: Friday, Monday

        // Friday morning Amelia tells Priya she wants help now: the decision is due within four hours.
        App.Clock.Now = Utc(2026, 11, 20, 9, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<MarkCriticalMoment>().RunAsync(priya, made.Value, "Amelia asked me to get her away from them"))).Succeeded);
        Assert.Equal(Utc(2026, 11, 20, 13, 0), (await LoadAsync()).NextDueAt);
        App.Clock.Now = Utc(2026, 11, 20, 12, 59);
        Assert.Equal(0, await UseAsync(s => s.GetRequiredService<ChaseReferrals>().RunAsync()));
        App.Clock.Now = Utc(2026, 11, 20, 13, 1);
        Assert.Equal(1, await UseAsync(s => s.GetRequiredService<ChaseReferrals>().RunAsync()));
        Assert.Equal(0, await UseAsync(s => s.GetRequiredService<ChaseReferrals>().RunAsync()));

        Assert.True((await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Accepted, null))).Succeeded);
        Assert.Contains("Text", (await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Allocated, null))).Error!.Fields.Keys);
        Assert.True((await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Allocated, "DC Dan Reid"))).Succeeded);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.Withdrawn, "Not mine to withdraw"))).Error!.Kind);
        App.Clock.Now = Utc(2026, 11, 20, 15, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<MoveReferral>().RunAsync(dan, made.Value, ReferralStage.FirstContact, null))).Succeeded);

        var final = await LoadAsync();
        Assert.Equal(ReferralStage.FirstContact, final.Stage);
        Assert.Null(final.NextDueAt);
        await using var ctx = App.CreateContext();
        var story = await ctx.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == World.Amelia && e.Summary.Contains("Exploitation support (fast track test)")).ToListAsync();
        Assert.Contains(story, e => e.Type == EventType.ReferralMade);
        Assert.Contains(story, e => e.Type == EventType.CriticalMoment && e.Significant);
        Assert.Single(story, e => e.Type == EventType.ReferralOverdue && e.Significant);
        Assert.Contains(story, e => e.Type == EventType.ServiceFirstContact);

        // The waiting list is for the service's team (and managers); the list page shows numbers only.
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<ReferralQueries>().WaitingListAsync(lewis, serviceId))).Error!.Kind);
        var waits = await UseAsync(s => s.GetRequiredService<ReferralQueries>().WaitingListAsync(dan, serviceId));
        var amelia = Assert.Single(waits.Value.Waiting, w => w.ReferralId == made.Value);
        Assert.Equal(2, amelia.DaysWaiting);
        Assert.True(amelia.CriticalMoment);

        // Both sides see it in their inbox: the service's team to move it on, the referrer waiting on it.
        var danInbox = await UseAsync(s => s.GetRequiredService<Features.Sharing.GetInbox>().RunAsync(dan));
        Assert.Contains(danInbox.Value.ReferralsForMyTeam, r => r.ReferralId == made.Value && r.CriticalMoment);
        var priyaInbox = await UseAsync(s => s.GetRequiredService<Features.Sharing.GetInbox>().RunAsync(priya));
        Assert.Contains(priyaInbox.Value.ReferralsIMade, r => r.ReferralId == made.Value && r.Stage == "first contact");
        Assert.DoesNotContain(priyaInbox.Value.ReferralsForMyTeam, r => r.ReferralId == made.Value);
    }

    [Fact]
    public async Task Bad_referrals_are_refused_and_nobody_outside_sees_a_childs_referrals()
    {
        var serviceId = await ServiceAsync("Exploitation support (pages test)");
        App.Clock.Now = Utc(2026, 11, 18, 11, 0);
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var page = $"/children/{World.Amelia}/referrals";
        var empty = await (await priya.PostFormAsync(page, new() { ["Reason"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Choose the service you are referring to", empty);
        Assert.Contains("Say why you are referring the child", empty);
        var critical = await (await priya.PostFormAsync(page, new() { ["ServiceId"] = serviceId.ToString(), ["Reason"] = "Exploitation concerns", ["CriticalMoment"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("Say what the child said or did", critical);

        var made = await priya.PostFormAsync(page, new() { ["ServiceId"] = serviceId.ToString(), ["Reason"] = "Exploitation concerns" });
        var referralPath = made.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/referrals/", referralPath);
        Assert.Contains("Referral sent", await made.Content.ReadAsStringAsync());
        var twice = await (await priya.PostFormAsync(page, new() { ["ServiceId"] = serviceId.ToString(), ["Reason"] = "Again" })).Content.ReadAsStringAsync();
        Assert.Contains("already has an open referral", twice);

        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var received = await (await dan.PostFormAsync($"{referralPath}?handler=Move", new() { ["To"] = "Received" }, referralPath)).Content.ReadAsStringAsync();
        Assert.Contains("Recorded: received.", received);
        Assert.Contains("Amelia Clarke", await dan.GetPageAsync($"/services/{serviceId}"));

        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        await lewis.GetPageAsync(referralPath, HttpStatusCode.NotFound);
        await lewis.GetPageAsync(page, HttpStatusCode.NotFound);
        var waiting = await lewis.GetAsync($"/services/{serviceId}");
        Assert.Equal("/account/access-denied", waiting.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Amelia", await lewis.GetPageAsync("/services"));
    }
}

public sealed class ReferralOnSqlite(SqliteAppFactory app) : ReferralTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ReferralOnPostgres(PostgresAppFactory app) : ReferralTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
