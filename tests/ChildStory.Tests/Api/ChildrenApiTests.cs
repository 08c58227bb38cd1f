using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildStory.Tests.Infrastructure;

namespace ChildStory.Tests.Api;

/// <summary>The REST API for agency systems: API keys scoped to one agency, problem details, and denial outside reach.</summary>
public abstract class ChildrenApiTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private HttpClient ClientWith(string? key)
    {
        var client = App.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    [Fact]
    public async Task Agency_system_reads_a_child_its_agency_works_with()
    {
        var response = await ClientWith(World.SocialCareApiKey).GetAsync($"/api/v1/children/{World.Amelia}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Amelia", record.GetProperty("givenName").GetString());
        Assert.Equal("AllocatedSocialWorker", record.GetProperty("leadProfessional").GetProperty("role").GetString());
    }

    [Fact]
    public async Task Agency_system_is_told_a_child_outside_its_agency_does_not_exist()
    {
        var response = await ClientWith(World.PoliceApiKey).GetAsync($"/api/v1/children/{World.Amelia}");
        var unknown = await ClientWith(World.PoliceApiKey).GetAsync($"/api/v1/children/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Clarke", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Agency_system_search_returns_only_its_agencys_children()
    {
        var police = await ClientWith(World.PoliceApiKey).GetFromJsonAsync<JsonElement>("/api/v1/children?name=clarke");
        Assert.Equal(0, police.GetProperty("matches").GetArrayLength());
        var socialCare = await ClientWith(World.SocialCareApiKey).GetFromJsonAsync<JsonElement>($"/api/v1/children?nhsNumber={World.AmeliaNhs}");
        Assert.Equal(World.Amelia, socialCare.GetProperty("matches")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Wrong_nhs_number_and_upn_are_a_problem_naming_each_field()
    {
        var response = await ClientWith(World.SocialCareApiKey).GetAsync("/api/v1/children?nhsNumber=9990000019&upn=A12345678901");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("check digit", errors.GetProperty("NhsNumber")[0].GetString());
        Assert.Contains("13 characters", errors.GetProperty("Upn")[0].GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cs_0000000000000000.not-a-real-secret")]
    [InlineData("not even shaped like a key")]
    public async Task Requests_without_a_valid_key_are_refused(string? key)
    {
        var response = await ClientWith(key).GetAsync($"/api/v1/children/{World.Amelia}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_practitioner_cookie_does_not_open_the_api()
    {
        var session = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var response = await session.GetAsync($"/api/v1/children/{World.Amelia}");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_endpoint_answers_without_signing_in_and_shows_no_data()
    {
        var response = await App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plans_meetings_and_timescales_are_read_by_the_agency_working_with_the_child_and_not_found_for_any_other()
    {
        foreach (var part in new[] { "plans", "meetings", "timescales" })
        {
            var own = await ClientWith(World.SocialCareApiKey).GetAsync($"/api/v1/children/{World.Amelia}/{part}");
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Equal(JsonValueKind.Array, (await own.Content.ReadFromJsonAsync<JsonElement>()).ValueKind);
            var other = await ClientWith(World.PoliceApiKey).GetAsync($"/api/v1/children/{World.Amelia}/{part}");
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
            Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        }
        var network = await ClientWith(World.SocialCareApiKey).GetFromJsonAsync<JsonElement>($"/api/v1/children/{World.Amelia}/network?depth=1");
        Assert.Equal(1, network.GetProperty("depth").GetInt32());
        Assert.Equal(World.Amelia, network.GetProperty("nodes")[0].GetProperty("id").GetGuid());
        var refused = await ClientWith(World.PoliceApiKey).GetAsync($"/api/v1/children/{World.Amelia}/network");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_describes_the_children_endpoints()
    {
        var document = await App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/children", out _));
        Assert.True(paths.TryGetProperty("/api/v1/children/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/children/{id}/timescales", out _));
        Assert.True(paths.TryGetProperty("/api/v1/children/{id}/network", out _));
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
    }
}

public sealed class ChildrenApiOnSqlite(SqliteAppFactory app) : ChildrenApiTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ChildrenApiOnPostgres(PostgresAppFactory app) : ChildrenApiTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
