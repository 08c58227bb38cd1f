using System.Net;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace ChildStory.Tests.Account;

/// <summary>Issue 15, finding 6: signing out must end the session on the server, not only delete the browser's cookie.</summary>
public abstract class SessionTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_after_it()
    {
        var jar = new CookieContainer();
        var session = new WebSession(App.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(jar)));
        var signedIn = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = World.PoliceEmail, ["Password"] = Scenario.Password });
        Assert.Equal("/", signedIn.RequestMessage!.RequestUri!.AbsolutePath);
        var saved = jar.GetCookieHeader(App.Server.BaseAddress);
        Assert.Contains("childstory=", saved);

        // The copy works while the session is live, so the refusal below is the sign-out's doing.
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(saved).GetAsync("/children")).StatusCode);

        await session.PostFormAsync("/account/sign-out", new(), formPage: "/account/sign-out");

        var replayed = await WithCookie(saved).GetAsync("/children");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_ends_the_other_sessions_of_the_same_account_too()
    {
        var first = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var second = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await first.PostFormAsync("/account/sign-out", new(), formPage: "/account/sign-out");

        var after = await second.GetAsync("/children");
        Assert.Equal("/account/sign-in", after.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}

public sealed class SessionsOnSqlite(SqliteAppFactory app) : SessionTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class SessionsOnPostgres(PostgresAppFactory app) : SessionTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
