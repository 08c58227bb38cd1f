using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Account;

public abstract class SignInTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private WebSession Anonymous() => new(App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_each_is_audited()
    {
        var session = Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.OtherTeamEmail, ["Password"] = "wrong-password-" + i });
        }
        var locked = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.OtherTeamEmail, ["Password"] = Scenario.Password });
        Assert.Contains("This account is locked", await locked.Content.ReadAsStringAsync());

        await using var db = App.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.ActorName == World.OtherTeamEmail).Select(e => e.Action).ToListAsync();
        Assert.Equal(4, entries.Count(a => a == AuditActions.SignInFailed));
        Assert.Equal(2, entries.Count(a => a == AuditActions.LockedOut));
    }

    [Fact]
    public async Task A_manager_without_a_second_factor_can_do_nothing_until_they_set_one_up()
    {
        var session = Anonymous();
        await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.AdministratorEmail, ["Password"] = Scenario.Password });
        foreach (var path in new[] { "/", "/children", $"/children/{World.Amelia}", "/admin" })
        {
            var response = await session.GetAsync(path);
            Assert.Equal("/account/manage/authenticator", response.RequestMessage!.RequestUri!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_is_audited()
    {
        var session = await WebSession.SignInAsync(App, World.PoliceEmail);
        await session.PostFormAsync("/account/sign-out", new(), formPage: "/");
        var after = await session.GetAsync("/children");
        Assert.Equal("/account/sign-in", after.RequestMessage!.RequestUri!.AbsolutePath);
        await using var db = App.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignedOut && e.ActorName == World.PoliceEmail));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignedIn && e.ActorName == World.PoliceEmail));
    }
}

public sealed class SignInOnSqlite(SqliteAppFactory app) : SignInTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class SignInOnPostgres(PostgresAppFactory app) : SignInTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
