using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Access;

/// <summary>
/// Issue 15, findings 1 and 2: a form posted with invalid input is shown again, and showing it must not read the
/// child's data for someone who may not see the child (the page reloads through the same access-checked use case).
/// </summary>
public abstract class FormReloadAccessTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private const string Summary = "Reloadtest disclosure Delta";

    private async Task StoryEntryForAmeliaAsync()
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.SocialCareApiKey);
        var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            idempotencyKey = "reload-delta",
            type = "HomeVisit",
            occurredAt = "2026-11-02T10:00:00Z",
            author = "Social worker",
            summary = Summary,
            verification = "Verified",
            subject = new { nhsNumber = World.AmeliaNhs },
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"event not accepted: {(int)response.StatusCode}");
    }

    private async Task<int> DenialsAsync(Guid childId)
    {
        await using var db = App.CreateContext();
        return await db.AuditEntries.CountAsync(e => e.ChildId == childId && e.Action == AuditActions.ChildAccessDenied && e.ActorName.Contains(World.PoliceEmail));
    }

    private async Task<Guid> MotherAsync()
    {
        await using var db = App.CreateContext();
        return await db.People.Where(p => p.GivenName == "Rachel" && p.FamilyName == "Clarke").Select(p => p.Id).SingleAsync();
    }

    /// <summary>Posts as the police officer, with his own token from a page he may open (Tomasz's), to a form about another person.</summary>
    private async Task<(HttpStatusCode Status, string Body)> PostAsPoliceAsync(WebSession dan, string url, Dictionary<string, string> fields)
    {
        var response = await dan.PostFormAsync(url, fields, formPage: $"/children/{World.Tomasz}/shares/new");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invalid_share_form_for_a_child_out_of_reach_is_not_found_shows_nothing_and_is_audited()
    {
        await StoryEntryForAmeliaAsync();
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var before = await DenialsAsync(World.Amelia);

        var (status, body) = await PostAsPoliceAsync(dan, $"/children/{World.Amelia}/shares/new", new() { ["Subject"] = "x", ["WithinDays"] = "abc" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Amelia", body);
        Assert.DoesNotContain("Clarke", body);
        Assert.DoesNotContain(Summary, body);
        Assert.DoesNotContain("Westmere Children", body);
        Assert.Equal(before + 1, await DenialsAsync(World.Amelia));
    }

    [Fact]
    public async Task Transfer_form_for_a_child_out_of_reach_is_not_found_names_nobody_and_is_audited()
    {
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var before = await DenialsAsync(World.Amelia);

        var (status, body) = await PostAsPoliceAsync(dan, $"/children/{World.Amelia}/transfers/new", []);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("Amelia", body);
        Assert.DoesNotContain("Clarke", body);
        Assert.Equal(before + 1, await DenialsAsync(World.Amelia));
    }

    [Theory]
    [InlineData("shares/new")]
    [InlineData("transfers/new")]
    public async Task Forms_posted_for_an_adult_or_an_unknown_id_are_not_found(string form)
    {
        var mother = await MotherAsync();
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);

        var adult = await PostAsPoliceAsync(dan, $"/children/{mother}/{form}", new() { ["WithinDays"] = "abc" });
        var unknown = await PostAsPoliceAsync(dan, $"/children/{Guid.NewGuid()}/{form}", new() { ["WithinDays"] = "abc" });

        Assert.Equal(HttpStatusCode.NotFound, adult.Status);
        Assert.DoesNotContain("Rachel", adult.Body);
        Assert.DoesNotContain("Clarke", adult.Body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    /// <summary>Every other form about one child that is shown again after invalid input, with a field its page or use case refuses.</summary>
    public static TheoryData<string, string, string> ChildForms => new()
    {
        { "story/add", "OccurredOn", "not a date" },
        { "visits/new", "OccurredAt", "not a date" },
        { "referrals", "Reason", "" },
        { "network/new", "DateOfBirth", "not a date" },
        { "mace?handler=Record", "ReviewOn", "not a date" },
        { "nrm?handler=Submit", "SubmittedAt", "not a date" },
        { "education?handler=Enrol", "On", "not a date" },
        { "plans/new", "StartedOn", "not a date" },
    };

    [Theory]
    [MemberData(nameof(ChildForms))]
    public async Task Every_child_form_posted_with_invalid_input_for_a_child_out_of_reach_is_not_found_and_audited(string form, string field, string value)
    {
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var before = await DenialsAsync(World.Amelia);

        var refused = await PostAsPoliceAsync(dan, $"/children/{World.Amelia}/{form}", new() { [field] = value });
        var unknown = await PostAsPoliceAsync(dan, $"/children/{Guid.NewGuid()}/{form}", new() { [field] = value });

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.DoesNotContain("Clarke", refused.Body);
        Assert.True(await DenialsAsync(World.Amelia) > before, $"POST {form}: the refusal is audited");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Theory]
    [InlineData("alerts")]
    [InlineData("actions")]
    public async Task An_unknown_alert_or_action_is_not_found_for_get_and_post(string kind)
    {
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var url = $"/{kind}/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.NotFound, (await priya.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await priya.PostFormAsync(url, new() { ["Decision"] = "nonsense", ["Status"] = "nonsense" }, formPage: $"/children/{World.Amelia}/shares/new")).StatusCode);
    }

    [Fact]
    public async Task Invalid_share_form_for_a_child_within_reach_comes_back_with_its_error_and_the_story()
    {
        await StoryEntryForAmeliaAsync();
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);

        var response = await priya.PostFormAsync($"/children/{World.Amelia}/shares/new", new() { ["Subject"] = "x", ["WithinDays"] = "abc" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Working days must be a whole number, like 3", body);
        Assert.Contains("Amelia Clarke", body);
        Assert.Contains(Summary, body);
    }

    [Fact]
    public async Task Transfer_form_posted_without_a_receiver_comes_back_with_its_error_for_a_child_within_reach()
    {
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);

        var response = await priya.PostFormAsync($"/children/{World.Amelia}/transfers/new", []);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose the school or authority the child is moving to", body);
        Assert.Contains("Transfer packet for Amelia Clarke", body);
    }
}

public sealed class FormReloadAccessOnSqlite(SqliteAppFactory app) : FormReloadAccessTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class FormReloadAccessOnPostgres(PostgresAppFactory app) : FormReloadAccessTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
