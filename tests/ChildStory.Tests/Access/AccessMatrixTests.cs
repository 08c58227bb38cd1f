using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using ChildStory.Domain.Audit;
using ChildStory.Features.Access.Gate;
using ChildStory.Tests.Infrastructure;
using ChildStory.Web.Security.Gate;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChildStory.Tests.Access;

/// <summary>
/// The access matrix: every routed page and endpoint, read from the app's own endpoint data source (so a new route is
/// covered the day it is added), requested by users of every role in agencies and teams that do not work with the
/// child — GET and every POST handler, with invalid form input — and by agency systems that do not work with her.
/// No response may carry her name or any of her data, and every refusal of something that exists is audited.
/// </summary>
public abstract partial class AccessMatrixTests<TFactory>(TFactory app, ITestOutputHelper output) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static readonly string[] Junk = ["abc", "-1", "9999999999999999999", "<script>x</script>", "", "00000000-0000-0000-0000-000000000000"];

    [Fact]
    public void Every_route_is_classified_for_the_access_gate()
    {
        var unclassified = Routes().Where(r => GatedRoutes.Classify(r.RoutePattern).Treatment == RouteTreatment.Unclassified)
            .Select(r => r.RoutePattern.RawText).ToList();
        Assert.True(unclassified.Count == 0, "Routes the gate does not know (classify them in GatedRoutes): " + string.Join(", ", unclassified));
        Assert.Contains(Routes(), r => GatedRoutes.Classify(r.RoutePattern) is { Treatment: RouteTreatment.Gated, Kind: ResourceKind.Meeting });
    }

    [Fact]
    public async Task No_route_shows_a_child_or_her_records_to_anyone_without_need_to_know()
    {
        var world = await MatrixWorld.CreateAsync(App, World);
        var before = await DenialsAsync(world);
        var (requests, refusals, pages, endpoints) = (0, 0, 0, 0);
        var failures = new List<string>();
        var routes = Routes().ToList();

        foreach (var user in world.Outsiders)
        {
            var session = await SignInAsync(user);
            var token = await TokenAsync(session);
            foreach (var route in routes.Where(r => !IsApi(r)))
            {
                pages++;
                var cls = GatedRoutes.Classify(route.RoutePattern);
                var url = Url(route, world);
                foreach (var (method, handler, form) in PageRequests(route, token))
                {
                    var target = handler is null ? url : $"{url}{(url.Contains('?') ? '&' : '?')}handler={handler}";
                    var response = method == "GET" ? await session.Client.GetAsync(target) : await session.Client.PostAsync(target, new FormUrlEncodedContent(form!));
                    requests++;
                    var refused = await CheckAsync(response, $"{user.Label}: {method} {target}", cls, user.Role, world, failures);
                    refusals += refused ? 1 : 0;
                }
            }
        }
        foreach (var (label, key) in world.OutsideSystems)
        {
            using var client = App.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            foreach (var route in routes.Where(IsApi))
            {
                endpoints++;
                var cls = GatedRoutes.Classify(route.RoutePattern);
                var url = Url(route, world);
                foreach (var method in route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url);
                    if (method != "GET")
                    {
                        request.Content = new StringContent("{\"items\":[{\"childId\":\"" + world.Objects[ResourceKind.Child] + "\"}]}", System.Text.Encoding.UTF8, "application/json");
                    }
                    var response = await client.SendAsync(request);
                    requests++;
                    var refused = await CheckAsync(response, $"{label}: {method} {url}", cls, "ApiClient", world, failures);
                    refusals += refused ? 1 : 0;
                }
            }
        }

        var audited = await DenialsAsync(world) - before;
        output.WriteLine($"Access matrix: {pages / world.Outsiders.Count} page routes x {world.Outsiders.Count} users and {endpoints / world.OutsideSystems.Count} API routes x {world.OutsideSystems.Count} agency systems; {requests} requests (GET and every POST handler, with invalid input); {refusals} refusals by the gate, {audited} audited");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} responses failed:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(refusals > 0, "the matrix refused nothing: it tested nothing");
        Assert.Equal(refusals, audited);
    }

    /// <summary>Checks one response; answers whether the gate refused an object that exists (which must be audited).</summary>
    private static async Task<bool> CheckAsync(HttpResponseMessage response, string what, RouteClass cls, string role, MatrixWorld world, List<string> failures)
    {
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"{what}: {status}");
        }
        foreach (var secret in world.Secrets.Where(s => body.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"{what}: {status} shows \"{secret}\"");
        }
        var api = response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal);
        var reachesGate = api == (role == "ApiClient");
        if (cls.Treatment != RouteTreatment.Gated || !reachesGate || !world.Objects.ContainsKey(cls.Kind))
        {
            return false;
        }
        // A service's waiting list is open to managers and partnership leads (with the names of children they may not see left out).
        var allowed = cls.Kind == ResourceKind.Service && role is Common.Roles.Manager or Common.Roles.PartnershipLead;
        if (allowed)
        {
            return false;
        }
        var expected = cls.Kind is ResourceKind.Service or ResourceKind.MatchReview ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
        var landed = response.RequestMessage.RequestUri.AbsolutePath;
        if (response.StatusCode != expected && !(expected == HttpStatusCode.Forbidden && landed == "/account/access-denied"))
        {
            failures.Add($"{what}: expected {(int)expected}, got {status}" + (failures.Count == 0 ? "\n" + body[..Math.Min(3000, body.Length)] : ""));
        }
        return true;
    }

    private IEnumerable<RouteEndpoint> Routes() => App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static bool IsApi(RouteEndpoint route) => route.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal);

    /// <summary>The route with the child's objects in it (random ids for objects the world does not have, and for administration).</summary>
    private static string Url(RouteEndpoint route, MatrixWorld world)
    {
        var cls = GatedRoutes.Classify(route.RoutePattern);
        var segments = route.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.Name == "id" && cls.Treatment == RouteTreatment.Gated =>
                world.Objects.TryGetValue(cls.Kind, out var id) ? id.ToString() : Guid.NewGuid().ToString(),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when cls.PartsOrNone.Any(x => x.Parameter == p.Name) =>
                world.Parts[cls.PartsOrNone.First(x => x.Parameter == p.Name).Part].ToString(),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.IsOptional => "",
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.Name == "code" => "404",
            _ => Guid.NewGuid().ToString(),
        }))).Where(s => s.Length > 0);
        return "/" + string.Join('/', segments);
    }

    /// <summary>A GET, then a POST to every handler the page has, each with every bound field set to nonsense.</summary>
    private static IEnumerable<(string Method, string? Handler, Dictionary<string, string>? Form)> PageRequests(RouteEndpoint route, string token)
    {
        yield return ("GET", null, null);
        var model = PageModelOf(route);
        // Posting to the account pages would sign the session out or change its factors: they name no child.
        if (model is null || route.RoutePattern.RawText!.TrimStart('/').StartsWith("account/", StringComparison.Ordinal))
        {
            yield break;
        }
        var fields = model.GetProperties().Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null).Select(p => p.Name).ToList();
        var handlers = model.GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => HandlerPattern().Match(m.Name))
            .Where(m => m.Success && m.Groups[1].Value != "Get").Select(m => m.Groups[2].Value).Distinct().ToList();
        var junk = 0;
        foreach (var handler in handlers)
        {
            var form = fields.ToDictionary(f => f, _ => Junk[junk++ % Junk.Length]);
            form["__RequestVerificationToken"] = token;
            yield return ("POST", handler.Length == 0 ? null : handler, form);
        }
    }

    private static Type? PageModelOf(RouteEndpoint route)
    {
        var page = route.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>();
        if (page is null)
        {
            return null;
        }
        var path = page.ViewEnginePath.Trim('/').Split('/');
        var ns = string.Join('.', new[] { "ChildStory.Web.Pages" }.Concat(path[..^1]));
        return typeof(ChildStory.Web.Program).Assembly.GetTypes()
            .FirstOrDefault(t => t.Namespace == ns && t.Name == path[^1] + "Model" && typeof(PageModel).IsAssignableFrom(t));
    }

    private async Task<WebSession> SignInAsync(MatrixUser user) =>
        await WebSession.SignInAsync(App, user.Email, totpKey: user.TwoFactor ? await Scenario.EnableTwoFactorAsync(App.Services, user.Email) : null);

    private static async Task<string> TokenAsync(WebSession session)
    {
        foreach (var page in new[] { "/", "/inbox", "/account/manage" })
        {
            var match = TokenPattern().Match(await session.Client.GetStringAsync(page));
            if (match.Success)
            {
                return WebUtility.HtmlDecode(match.Groups[1].Value);
            }
        }
        throw new InvalidOperationException("No antiforgery token on any page");
    }

    private async Task<int> DenialsAsync(MatrixWorld world)
    {
        var subjects = world.Objects.Select(o => $"{o.Key}:{o.Value}").ToList();
        await using var db = App.CreateContext();
        return await db.AuditEntries.CountAsync(e => e.Action == AuditActions.ChildAccessDenied && e.Subject != null && subjects.Contains(e.Subject));
    }

    [GeneratedRegex("^On(Get|Post)(\\w*?)(Async)?$")]
    private static partial Regex HandlerPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteAccessMatrixTests(SqliteAppFactory app, ITestOutputHelper output) : AccessMatrixTests<SqliteAppFactory>(app, output), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccessMatrixTests(PostgresAppFactory app, ITestOutputHelper output) : AccessMatrixTests<PostgresAppFactory>(app, output), IClassFixture<PostgresAppFactory>;
