using System.Net;
using System.Net.Http.Headers;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace ChildStory.Tests.Api;

/// <summary>
/// Issue 15, finding 11: HSTS behind a TLS proxy — but only a configured proxy may say a request came over HTTPS —
/// and no browser or shared cache keeps a copy of anything but static files.
/// </summary>
public abstract class TransportHeadersTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static Task<HttpContext> SendAsync(TestServer server, string remote, string? forwardedProto) =>
        server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            c.Request.Host = new HostString("childstory.example");
            c.Request.Path = "/account/sign-in";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });

    private static string? Hsts(HttpContext context) =>
        context.Response.Headers.StrictTransportSecurity is { Count: > 0 } value ? value.ToString() : null;

    [Fact]
    public async Task Https_through_a_trusted_proxy_gets_hsts_and_a_client_claiming_https_does_not()
    {
        var viaLocalProxy = await SendAsync(App.Server, "127.0.0.1", "https");
        Assert.Equal(HttpStatusCode.OK, (HttpStatusCode)viaLocalProxy.Response.StatusCode);
        Assert.Contains("max-age=31536000", Hsts(viaLocalProxy));

        Assert.Null(Hsts(await SendAsync(App.Server, "203.0.113.7", "https")));
        Assert.Null(Hsts(await SendAsync(App.Server, "127.0.0.1", null)));
    }

    [Fact]
    public async Task Only_the_configured_proxies_are_trusted()
    {
        await using var configured = App.WithWebHostBuilder(b => b.UseSetting("Hosting:TrustedProxies", "10.20.0.0/16, 192.0.2.10"));
        Assert.NotNull(Hsts(await SendAsync(configured.Server, "10.20.3.4", "https")));
        Assert.NotNull(Hsts(await SendAsync(configured.Server, "192.0.2.10", "https")));
        Assert.Null(Hsts(await SendAsync(configured.Server, "192.0.2.11", "https")));
        Assert.Null(Hsts(await SendAsync(configured.Server, "127.0.0.1", "https")));
    }

    private static void AssertNotStored(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage!.RequestUri!.PathAndQuery} ({(int)response.StatusCode})";
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.True(response.Headers.Pragma.Any(p => p.Name == "no-cache"), $"{what}: no Pragma: no-cache");
    }

    [Fact]
    public async Task Pages_exports_and_api_answers_are_never_stored_and_static_files_may_be()
    {
        var session = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        foreach (var url in new[] { $"/children/{World.Amelia}", $"/children/{World.Amelia}/story/export?format=csv", $"/children/{World.Amelia}/story/export?format=pdf" })
        {
            var response = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertNotStored(response);
        }
        AssertNotStored(await session.GetAsync($"/children/{Guid.NewGuid()}"));

        var anonymous = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        AssertNotStored(await anonymous.GetAsync("/account/sign-in"));
        var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.SocialCareApiKey);
        AssertNotStored(await api.GetAsync($"/api/v1/children/{World.Amelia}"));
        AssertNotStored(await api.GetAsync($"/api/v1/children/{Guid.NewGuid()}"));

        // The test host's content root has no wwwroot: serve the web project's own.
        var source = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(source.FullName, "src", "ChildStory.Web", "wwwroot")))
        {
            source = source.Parent!;
        }
        await using var withFiles = App.WithWebHostBuilder(b => b.UseWebRoot(Path.Combine(source.FullName, "src", "ChildStory.Web", "wwwroot")));
        var css = await withFiles.CreateClient().GetAsync("/css/childstory.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }
}

public sealed class TransportHeadersOnSqlite(SqliteAppFactory app) : TransportHeadersTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class TransportHeadersOnPostgres(PostgresAppFactory app) : TransportHeadersTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
