using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Account;

/// <summary>
/// Issue 15, finding 8: sign-in must not tell who has an account (by words or by time), must not let one client
/// lock anyone out, and must throttle each client, each account and each API client. Each test signs in from its
/// own addresses (X-Forwarded-For, which the app honours) so that the limits of one test do not touch another.
/// </summary>
public abstract partial class SignInAbuseTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : ThrottledAppFactory
{
    [Fact]
    public async Task Unknown_known_and_locked_accounts_get_the_same_answer_after_the_same_password_work()
    {
        var client = From("10.0.0.1");
        var answers = new List<string>();
        async Task TryAsync(string email, string password)
        {
            var before = App.Hasher.Verifications;
            var response = await SignInAsync(client, email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, App.Hasher.Verifications);
            answers.Add(Refusal(await response.Content.ReadAsStringAsync()));
        }

        await TryAsync("nobody@nowhere.example", "not-the-password");
        for (var i = 0; i < ThrottledAppFactory.MaxFailedSignIns; i++)
        {
            await TryAsync(World.PoliceEmail, "not-the-password-" + i);
        }
        await TryAsync(World.PoliceEmail, Scenario.Password); // locked out, for this client
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(World.OtherTeamEmail))!, DateTimeOffset.MaxValue);
        }
        await TryAsync(World.OtherTeamEmail, Scenario.Password); // locked in the account itself (as an administrator can)

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.StartsWith("The email address or password is not right", answers[0]);
    }

    [Fact]
    public async Task One_client_locking_itself_out_does_not_lock_the_account_for_anyone_else()
    {
        var attacker = From("10.0.0.2");
        for (var i = 0; i < ThrottledAppFactory.MaxFailedSignIns; i++)
        {
            await SignInAsync(attacker, World.SocialWorkerEmail, "guess-" + i);
        }
        var refused = await SignInAsync(attacker, World.SocialWorkerEmail, Scenario.Password);
        Assert.Equal("/account/sign-in", refused.RequestMessage!.RequestUri!.AbsolutePath);

        var owner = await SignInAsync(From("10.0.0.3"), World.SocialWorkerEmail, Scenario.Password);
        Assert.Equal("/", owner.RequestMessage!.RequestUri!.AbsolutePath);

        await using var db = App.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.ActorName == World.SocialWorkerEmail).ToListAsync();
        Assert.Equal(ThrottledAppFactory.MaxFailedSignIns - 1, entries.Count(e => e.Action == AuditActions.SignInFailed && e.IpAddress == "10.0.0.2"));
        Assert.Equal(2, entries.Count(e => e.Action == AuditActions.LockedOut && e.IpAddress == "10.0.0.2"));
        Assert.Contains(entries, e => e.Action == AuditActions.SignedIn && e.IpAddress == "10.0.0.3");
    }

    [Fact]
    public async Task More_sign_in_posts_than_the_limit_from_one_client_get_429_and_are_audited()
    {
        var client = From("10.0.0.4");
        for (var i = 0; i < ThrottledAppFactory.ClientPermitPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, $"spray{i}@nowhere.example", "Password123456")).StatusCode);
        }
        var throttled = await SignInAsync(client, World.ManagerEmail, Scenario.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter is not null, "429 should say when to retry");
        var page = await throttled.Content.ReadAsStringAsync();
        Assert.Contains("govuk-heading-l", page);
        Assert.Contains("Too many attempts", page);
        // The second step and recovery codes share the client's limit.
        var secondStep = await client.Client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, secondStep.StatusCode);
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);

        await using var db = App.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditActions.SignInFailed && e.IpAddress == "10.0.0.4" && e.Detail!.Contains("throttled")));
    }

    [Fact]
    public async Task Sign_in_attempts_for_one_account_from_many_clients_are_throttled_whether_or_not_it_exists()
    {
        foreach (var email in new[] { "target@nowhere.example", World.FrontDoorEmail })
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i <= ThrottledAppFactory.AccountPermitPerMinute; i++)
            {
                statuses.Add((await SignInAsync(From($"10.1.{email.Length}.{i}"), email, "not-the-password")).StatusCode);
            }
            Assert.All(statuses.SkipLast(1), s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        }
    }

    [Fact]
    public async Task An_api_client_over_its_limit_gets_429_problem_details_with_retry_after_and_others_do_not()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.SocialCareApiKey);
        for (var i = 0; i < ThrottledAppFactory.ApiPermitPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{World.Amelia}")).StatusCode);
        }
        var throttled = await client.GetAsync($"/api/v1/children/{World.Amelia}");
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.True(throttled.Headers.RetryAfter is not null, "429 should say when to retry");
        Assert.Contains("\"status\":429", await throttled.Content.ReadAsStringAsync());

        var other = App.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.PoliceApiKey);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync($"/api/v1/children/{World.Amelia}")).StatusCode);
    }

    private WebSession From(string address)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new WebSession(client);
    }

    private static Task<HttpResponseMessage> SignInAsync(WebSession session, string email, string password) =>
        session.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });

    private static string Refusal(string page)
    {
        var list = ErrorList().Match(page);
        Assert.True(list.Success, "the page should show an error summary");
        return WebUtility.HtmlDecode(Regex.Replace(list.Groups[1].Value, "<[^>]+>", "")).Trim();
    }

    [GeneratedRegex("govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorList();
}

public sealed class SignInAbuseOnSqlite(ThrottledSqliteAppFactory app) : SignInAbuseTests<ThrottledSqliteAppFactory>(app), IClassFixture<ThrottledSqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class SignInAbuseOnPostgres(ThrottledPostgresAppFactory app)
    : SignInAbuseTests<ThrottledPostgresAppFactory>(app), IClassFixture<ThrottledPostgresAppFactory>;
