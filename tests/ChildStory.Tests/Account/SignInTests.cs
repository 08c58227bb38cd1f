using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail);
        string code;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(World.FrontDoorEmail))!;
            code = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        }
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var session = Anonymous();
            var afterPassword = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.FrontDoorEmail, ["Password"] = Scenario.Password });
            Assert.Equal("/account/two-factor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
            var response = await session.PostFormAsync("/account/recovery", new() { ["Code"] = code });
            var page = await response.Content.ReadAsStringAsync();
            if (attempt == 1)
            {
                Assert.Contains("My work", page);
            }
            else
            {
                Assert.Contains("That recovery code is not right, or has been used", page);
            }
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
