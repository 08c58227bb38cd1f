using System.Net;
using System.Text.RegularExpressions;
using ChildStory.Domain.Access;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Account;

/// <summary>
/// Issue 15, finding 7: the authenticator's secret is shown only while setting it up, and each code (RFC 6238
/// time step) signs in once: neither it nor any earlier step works again, at sign-in or at set-up.
/// </summary>
public abstract partial class AuthenticatorTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private const string Page = "/account/manage/authenticator";

    [Fact]
    public async Task Once_enrolled_the_authenticator_page_shows_no_key_and_a_reset_needs_the_password()
    {
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.ManagerEmail);
        var session = await WebSession.SignInAsync(App, World.ManagerEmail, totpKey: key);

        var page = await session.GetPageAsync(Page);
        Assert.DoesNotContain(key, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c))), page);
        Assert.DoesNotContain("authenticator-key", page);
        Assert.DoesNotContain("<svg", page);
        Assert.DoesNotContain("otpauth", page);

        var blank = await session.PostFormAsync(Page + "?handler=Reset", new() { ["Password"] = "" }, formPage: Page);
        Assert.Contains("Enter your password", await blank.Content.ReadAsStringAsync());
        var wrong = await session.PostFormAsync(Page + "?handler=Reset", new() { ["Password"] = "not-the-password" }, formPage: Page);
        Assert.Contains("The password is not right", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(key, await KeyOfAsync(World.ManagerEmail));
        Assert.True(await TwoFactorOnAsync(World.ManagerEmail));

        var reset = await session.PostFormAsync(Page + "?handler=Reset", new() { ["Password"] = Scenario.Password }, formPage: Page);
        var enrolment = await reset.Content.ReadAsStringAsync();
        Assert.Equal(Page, reset.RequestMessage!.RequestUri!.AbsolutePath);
        var shown = KeyPattern().Match(enrolment);
        Assert.True(shown.Success, "the page should show the new key to set up");
        Assert.NotEqual(key, shown.Groups[1].Value);
        Assert.Equal(shown.Groups[1].Value, await KeyOfAsync(World.ManagerEmail));
        Assert.False(await TwoFactorOnAsync(World.ManagerEmail));
        // A manager must set the new authenticator up before doing anything else.
        var elsewhere = await session.GetAsync("/children");
        Assert.Equal(Page, elsewhere.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task The_same_code_cannot_sign_in_twice_nor_an_earlier_one_after_a_later_one()
    {
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail);
        var now = App.Clock.GetUtcNow();

        Assert.True(await SecondStepAsync(World.FrontDoorEmail, Totp.Code(key, now)));
        Assert.False(await SecondStepAsync(World.FrontDoorEmail, Totp.Code(key, now)));
        Assert.True(await SecondStepAsync(World.FrontDoorEmail, Totp.Code(key, now.AddSeconds(30))));
        // The step before, never used and still inside the clock-drift window, is older than the last accepted one.
        Assert.False(await SecondStepAsync(World.FrontDoorEmail, Totp.Code(key, now.AddSeconds(-30))));
    }

    [Fact]
    public async Task The_code_that_turned_on_two_step_sign_in_cannot_then_sign_in()
    {
        var session = new WebSession(App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
        var landed = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.AdministratorEmail, ["Password"] = Scenario.Password });
        Assert.Equal(Page, landed.RequestMessage!.RequestUri!.AbsolutePath);
        var key = KeyPattern().Match(await landed.Content.ReadAsStringAsync()).Groups[1].Value;
        var code = Totp.Code(key, App.Clock.GetUtcNow());
        var enrolled = await session.PostFormAsync(Page, new() { ["Code"] = code });
        Assert.Equal("/account/manage/recovery-codes", enrolled.RequestMessage!.RequestUri!.AbsolutePath);

        Assert.False(await SecondStepAsync(World.AdministratorEmail, code));
        Assert.True(await SecondStepAsync(World.AdministratorEmail, Totp.Code(key, App.Clock.GetUtcNow().AddSeconds(30))));
    }

    /// <summary>Signs in with the password, then the code: true when the code was accepted.</summary>
    private async Task<bool> SecondStepAsync(string email, string code)
    {
        var session = new WebSession(App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true }));
        var afterPassword = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = Scenario.Password });
        Assert.Equal("/account/two-factor", afterPassword.RequestMessage!.RequestUri!.AbsolutePath);
        var response = await session.PostFormAsync("/account/two-factor", new() { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var accepted = response.RequestMessage!.RequestUri!.AbsolutePath != "/account/two-factor";
        if (!accepted)
        {
            Assert.Contains("The code is not right or has expired", await response.Content.ReadAsStringAsync());
        }
        return accepted;
    }

    private async Task<string?> KeyOfAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<bool> TwoFactorOnAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!.TwoFactorEnabled;
    }

    [GeneratedRegex("data-key=\"([A-Z2-7]+)\"")]
    private static partial Regex KeyPattern();
}

public sealed class AuthenticatorOnSqlite(SqliteAppFactory app) : AuthenticatorTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class AuthenticatorOnPostgres(PostgresAppFactory app) : AuthenticatorTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
