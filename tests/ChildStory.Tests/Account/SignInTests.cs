using System.Net;
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
    public async Task Five_wrong_passwords_lock_the_client_out_even_against_the_right_one_and_each_is_audited()
    {
        var session = Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.OtherTeamEmail, ["Password"] = "wrong-password-" + i });
        }
        var locked = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.OtherTeamEmail, ["Password"] = Scenario.Password });
        var page = await locked.Content.ReadAsStringAsync();
        Assert.Equal("/account/sign-in", locked.RequestMessage!.RequestUri!.AbsolutePath);
        // The same words as for a wrong password or an unknown account: a locked account is not revealed.
        Assert.Contains("The email address or password is not right", page);
        Assert.DoesNotContain("locked", page, StringComparison.OrdinalIgnoreCase);

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

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/children\u0007")]
    [InlineData("/children\u007f")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_that_is_not_a_clean_local_path_lands_home(string returnUrl)
    {
        var session = Anonymous();
        var response = await session.PostFormAsync("/account/sign-in",
            new() { ["Email"] = World.PoliceEmail, ["Password"] = Scenario.Password, ["ReturnUrl"] = returnUrl });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} at {response.RequestMessage!.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("http://localhost/", response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task A_return_url_with_an_encoded_line_break_in_the_address_lands_home()
    {
        var session = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/account/sign-in?returnUrl=%2F%0d%0aSet-Cookie%3Ax%3Dy")).StatusCode);
        var response = await session.PostFormAsync("/account/sign-in?returnUrl=%2F%0d%0aSet-Cookie%3Ax%3Dy",
            new() { ["Email"] = World.PoliceEmail, ["Password"] = Scenario.Password }, formPage: "/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("http://localhost/", response.RequestMessage!.RequestUri!.ToString());
    }

    [Fact]
    public async Task A_clean_local_return_url_is_followed()
    {
        var session = Anonymous();
        var response = await session.PostFormAsync("/account/sign-in",
            new() { ["Email"] = World.PoliceEmail, ["Password"] = Scenario.Password, ["ReturnUrl"] = "/children?name=clarke" });
        Assert.Equal("/children?name=clarke", response.RequestMessage!.RequestUri!.PathAndQuery);
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
