using System.Net;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Access;

public abstract class BreakGlassTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private const string Reason = "Kai told his teacher he is scared to go home tonight";

    [Fact]
    public async Task Breaking_the_glass_needs_a_reason_that_says_something()
    {
        var session = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        var page = await session.GetPageAsync("/children/break-glass?Reason=need+it&Name=Kai");
        Assert.Contains("Reason must be at least", page);
        Assert.DoesNotContain("Kai Brennan", page);
    }

    [Fact]
    public async Task Broken_glass_opens_the_record_for_hours_then_closes_and_the_manager_reviews_it()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await worker.GetPageAsync($"/children/{World.Kai}", HttpStatusCode.NotFound);
        var search = await worker.GetPageAsync($"/children/break-glass?Reason={Uri.EscapeDataString(Reason)}&Name=kai+brenan");
        Assert.Contains("Kai Brennan", search);

        var opened = await worker.PostFormAsync("/children/break-glass", new() { ["ChildId"] = World.Kai.ToString(), ["Reason"] = Reason },
            formPage: $"/children/break-glass?Reason={Uri.EscapeDataString(Reason)}&Name=kai+brennan");
        Assert.Equal($"/children/{World.Kai}", opened.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Broken-glass access", await opened.Content.ReadAsStringAsync());

        App.Clock.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await worker.GetPageAsync($"/children/{World.Kai}", HttpStatusCode.NotFound);

        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.ManagerEmail);
        var manager = await WebSession.SignInAsync(App, World.ManagerEmail, totpKey: key);
        Assert.Contains(Reason, await manager.GetPageAsync("/access/reviews"));
        await using var db = App.CreateContext();
        var grant = await db.GlassBreaks.SingleAsync(g => g.ChildId == World.Kai);
        Assert.Equal(World.ManagerId, grant.ReviewerId);

        var refused = await manager.PostFormAsync("/access/reviews", new() { ["GlassBreakId"] = grant.Id.ToString(), ["Outcome"] = "NotJustified" });
        Assert.Contains("Say why the access was not justified", await refused.Content.ReadAsStringAsync());
        await manager.PostFormAsync("/access/reviews", new() { ["GlassBreakId"] = grant.Id.ToString(), ["Outcome"] = "Justified" });

        await using var after = App.CreateContext();
        var reviewed = await after.GlassBreaks.SingleAsync(g => g.Id == grant.Id);
        Assert.Equal(GlassBreakOutcome.Justified, reviewed.Outcome);
        Assert.Equal(3, await after.AuditEntries.CountAsync(e => e.ChildId == World.Kai
            && (e.Action == AuditActions.GlassBroken || e.Action == AuditActions.GlassBreakReviewed || (e.Action == AuditActions.ChildViewed && e.Detail!.Contains("GlassBreak")))));
    }

    [Fact]
    public async Task A_practitioner_cannot_review_a_grant_that_is_not_theirs_to_review()
    {
        var grant = new GlassBreak(Guid.NewGuid(), World.ManagerId, World.Tomasz, "Checking a call from the school about Tom", App.Clock.GetUtcNow(), TimeSpan.FromHours(4), null);
        await using (var db = App.CreateContext())
        {
            db.GlassBreaks.Add(grant);
            await db.SaveChangesAsync();
        }
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.ManagerEmail);
        var manager = await WebSession.SignInAsync(App, World.ManagerEmail, totpKey: key);
        var response = await manager.PostFormAsync("/access/reviews", new() { ["GlassBreakId"] = grant.Id.ToString(), ["Outcome"] = "Justified" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class BreakGlassOnSqlite(SqliteAppFactory app) : BreakGlassTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class BreakGlassOnPostgres(PostgresAppFactory app) : BreakGlassTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
