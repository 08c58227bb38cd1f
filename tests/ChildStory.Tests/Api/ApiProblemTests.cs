using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChildStory.Domain.Access;
using ChildStory.Domain.Partnership;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Api;

/// <summary>
/// Issue 15, finding 9: the API answers every error with problem details — never a 500 for a null item, never HTML,
/// never a redirect to the sign-in page — and a batch's bad items never stop its good ones.
/// </summary>
public abstract class ApiProblemTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : HookedAppFactory
{
    private HttpClient Client(string? key = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    private static StringContent Json(string json, string mediaType = "application/json") => new(json, Encoding.UTF8, mediaType);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private string Event(string key, string occurredAt = "\"2026-11-10T09:00:00Z\"", string? nhs = null) =>
        "{\"idempotencyKey\":\"" + key + "\",\"type\":\"HomeVisit\",\"occurredAt\":" + occurredAt + ",\"author\":\"A Worker\",\"summary\":\"Home visit\","
        + "\"verification\":\"Verified\",\"subject\":{\"nhsNumber\":" + (nhs ?? $"\"{World.AmeliaNhs}\"") + "}}";

    [Fact]
    public async Task Null_and_wrong_typed_events_in_a_batch_are_rejected_at_their_index_naming_the_field_and_the_good_ones_are_created()
    {
        var good = "batch-good-" + Guid.NewGuid().ToString("N");
        var body = $$"""{"items":[null,{{Event(good)}},{{Event("batch-bad-time", occurredAt: "5")}},"text",{{Event("batch-bad-nhs", nhs: "{\"x\":1}")}}]}""";

        var response = await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 4), (outcome.GetProperty("created").GetInt32(), outcome.GetProperty("rejected").GetInt32()));
        var items = outcome.GetProperty("items");
        Assert.Equal([0, 1, 2, 3, 4], items.EnumerateArray().Select(i => i.GetProperty("index").GetInt32()));
        Assert.Equal(["rejected", "created", "rejected", "rejected", "rejected"], items.EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Contains("not null", items[0].GetProperty("errors").GetProperty("item")[0].GetString());
        Assert.Contains("date and time", items[2].GetProperty("errors").GetProperty("occurredAt")[0].GetString());
        Assert.Equal("batch-bad-time", items[2].GetProperty("idempotencyKey").GetString());
        Assert.True(items[3].GetProperty("errors").TryGetProperty("item", out _));
        Assert.True(items[4].GetProperty("errors").TryGetProperty("subject.nhsNumber", out _));
        await using var db = App.CreateContext();
        Assert.True(await db.ChronologyEvents.AnyAsync(e => e.IdempotencyKey == good));
    }

    [Fact]
    public async Task A_single_event_of_the_wrong_type_or_null_is_a_validation_problem_naming_the_field()
    {
        var wrong = await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events", Json(Event("single-bad", occurredAt: "true"))), HttpStatusCode.BadRequest);
        Assert.True(wrong.GetProperty("errors").TryGetProperty("occurredAt", out _));
        var nothing = await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events", Json("null")), HttpStatusCode.BadRequest);
        Assert.True(nothing.GetProperty("errors").TryGetProperty("item", out _));
    }

    [Fact]
    public async Task Null_and_wrong_typed_attendance_lines_are_rejected_at_their_line_naming_the_column_and_the_good_ones_are_kept()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero);
        var parties = new Partnership(App);
        var school = await parties.AgencyAsync("Hill School", AgencyKind.School);
        var child = await parties.ChildAsync("Pupil", new DateOnly(2013, 3, 1));
        var twelve = string.Concat(child.ToString("N").Where(char.IsAsciiDigit).Concat(Enumerable.Repeat('7', 12)).Take(12));
        var upn = UniquePupilNumber.CheckLetter(twelve) + twelve;
        string key;
        await using (var db = App.CreateContext())
        {
            (await db.People.SingleAsync(p => p.Id == child)).SetUpn(upn);
            var (client, secret) = ApiClient.Create(school.AgencyId, "School MIS");
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            key = secret;
        }
        var body = $$"""
            {"items":[
              null,
              {"upn":"{{upn}}","periodStart":"2026-11-02","periodEnd":"2026-11-06","possibleSessions":10,"attendedSessions":"9","onRollFrom":"2026-09-03"},
              {"upn":"{{upn}}","periodStart":{"year":2026},"periodEnd":"2026-11-13","possibleSessions":"10","attendedSessions":[9]},
              42
            ]}
            """;

        var response = await Client(key).PostAsync("/api/v1/education/attendance", Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();
        var results = outcome.GetProperty("results");
        Assert.Equal((1, 3), (outcome.GetProperty("created").GetInt32(), outcome.GetProperty("rejected").GetInt32()));
        Assert.Equal([1, 2, 3, 4], results.EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));
        Assert.Equal(["rejected", "created", "rejected", "rejected"], results.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("not null", results[0].GetProperty("errors").GetProperty("item")[0].GetString());
        Assert.Equal(["attended_sessions", "period_start"], results[2].GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(results[3].GetProperty("errors").TryGetProperty("item", out _));
    }

    [Fact]
    public async Task Unauthenticated_calls_are_a_401_problem_never_a_redirect_to_sign_in()
    {
        await ProblemAsync(await Client().GetAsync($"/api/v1/children/{World.Amelia}"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await Client("cs_0000000000000000.wrong").PostAsync("/api/v1/events/batch", Json("{}")), HttpStatusCode.Unauthorized);
        var browser = Client();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await ProblemAsync(await browser.GetAsync($"/api/v1/children/{World.Amelia}/plans"), HttpStatusCode.Unauthorized);
        var session = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await ProblemAsync(await session.GetAsync($"/api/v1/children/{World.Amelia}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_api_addresses_are_a_404_problem_and_a_wrong_method_a_405_problem()
    {
        await ProblemAsync(await Client().GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client(World.SocialCareApiKey).GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client(World.SocialCareApiKey).GetAsync("/api/v1/children/not-a-guid"), HttpStatusCode.NotFound);
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v2/events/batch", Json("{}")), HttpStatusCode.NotFound);
        await ProblemAsync(await Client(World.SocialCareApiKey).DeleteAsync("/api/v1/events/batch"), HttpStatusCode.MethodNotAllowed);
        await ProblemAsync(await Client().DeleteAsync("/api/v1/events/batch"), HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_json_is_a_415_problem(string mediaType)
    {
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch", Json("items=1", mediaType)), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/education/attendance", Json("items=1", mediaType)), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_missing_body_or_content_type_is_a_problem()
    {
        var noType = new ByteArrayContent("{\"items\":[]}"u8.ToArray());
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch", noType), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch", Json("")), HttpStatusCode.BadRequest);
        await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch", Json("[]")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_saying_where()
    {
        var problem = await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/events/batch",
            Json("{\"items\":[{\"summary\":\"ok\"},\n{\"summary\": nope}]}")), HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("line 2, byte 14", StringComparison.Ordinal), detail);
        var attendance = await ProblemAsync(await Client(World.SocialCareApiKey).PostAsync("/api/v1/education/attendance", Json("{\"items\":[")), HttpStatusCode.BadRequest);
        Assert.Contains("not valid JSON", attendance.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_api_description_still_shows_the_shape_of_the_bodies_read_item_by_item()
    {
        var document = await Client().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        foreach (var (path, schema) in new[] { ("/api/v1/events/batch", "Batch"), ("/api/v1/events", "EventInput"), ("/api/v1/education/attendance", "AttendanceBatch") })
        {
            var body = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.EndsWith(schema, body.GetProperty("schema").GetProperty("$ref").GetString());
        }
    }

    [Fact]
    public async Task An_exception_inside_an_api_request_is_a_500_problem_with_a_trace_id_and_nothing_of_the_exception()
    {
        App.Hook.BeforeRead = _ => throw new InvalidOperationException("secret-internal-detail");
        HttpResponseMessage response;
        try
        {
            var client = Client(World.SocialCareApiKey);
            client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
            response = await client.GetAsync("/api/v1/agencies");
        }
        finally
        {
            App.Hook.BeforeRead = null;
        }
        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        var body = problem.GetRawText();
        Assert.DoesNotContain("secret-internal-detail", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(" at ", body);
    }
}

public sealed class ApiProblemsOnSqlite(SqliteHookedAppFactory app) : ApiProblemTests<SqliteHookedAppFactory>(app), IClassFixture<SqliteHookedAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ApiProblemsOnPostgres(PostgresHookedAppFactory app) : ApiProblemTests<PostgresHookedAppFactory>(app), IClassFixture<PostgresHookedAppFactory>;
