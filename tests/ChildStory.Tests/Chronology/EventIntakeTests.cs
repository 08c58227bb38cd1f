using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Chronology;

/// <summary>Agency systems send events; each item stands alone, retries create nothing twice, and the story shows them.</summary>
public abstract class EventIntakeTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private HttpClient Api(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static object Event(string key, string type, string summary, object subject, string verification = "Verified", string? sensitivity = null, string? contact = null) => new
    {
        idempotencyKey = key,
        type,
        occurredAt = "2026-11-14T21:30:00Z",
        recordedAt = "2026-11-15T08:00:00Z",
        author = "PC 4411 Hart",
        summary,
        verification,
        significant = true,
        childPresent = true,
        domesticAbuse = true,
        sensitivity,
        sensitiveContact = contact,
        subject,
    };

    [Fact]
    public async Task Each_item_of_a_batch_succeeds_or_fails_on_its_own_and_a_resend_creates_nothing_twice()
    {
        var batch = new
        {
            items = new object[]
            {
                Event("inc-1", "PoliceIncident", "Domestic incident at the home; Amelia present", new { nhsNumber = World.AmeliaNhs }),
                Event("inc-2", "MissingEpisode", "Reported missing overnight", new { familyName = "Unmatched", dateOfBirth = "2012-01-01" }),
                Event("inc-3", "Teleportation", "Not a type", new { nhsNumber = "9990000019" }),
                Event("inc-1", "Arrest", "Same key again", new { nhsNumber = World.AmeliaNhs }),
            },
        };
        var first = await (await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, first.GetProperty("created").GetInt32());
        Assert.Equal(2, first.GetProperty("rejected").GetInt32());
        var rejected = first.GetProperty("items")[2].GetProperty("errors");
        Assert.StartsWith("type must be one of", rejected.GetProperty("type")[0].GetString());
        Assert.Contains("check digit", rejected.GetProperty("subject.nhsNumber")[0].GetString());
        Assert.Contains("earlier in the same batch", first.GetProperty("items")[3].GetProperty("errors").GetProperty("idempotencyKey")[0].GetString());
        Assert.DoesNotContain(World.Amelia.ToString(), first.GetRawText());

        var again = await (await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events/batch", batch)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        await using var db = App.CreateContext();
        Assert.Equal(1, await db.ChronologyEvents.CountAsync(e => e.IdempotencyKey == "inc-1"));
        Assert.Null((await db.ChronologyEvents.SingleAsync(e => e.IdempotencyKey == "inc-2")).ChildId);
    }

    [Fact]
    public async Task A_police_incident_appears_in_the_childs_story_for_the_social_worker()
    {
        var response = await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events",
            Event("story-1", "PoliceIncident", "Neighbours reported shouting; officers attended", new { nhsNumber = World.AmeliaNhs, reference = "POL-P-7781" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var byReference = await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events",
            Event("story-2", "StopAndSearch", "Stopped near the station, nothing found", new { reference = "POL-P-7781" }, verification: "Hearsay"));
        Assert.Equal(HttpStatusCode.Created, byReference.StatusCode);

        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var page = await worker.GetPageAsync($"/children/{World.Amelia}");
        Assert.Contains("Neighbours reported shouting; officers attended", page);
        Assert.Contains("Stopped near the station, nothing found", page);
        Assert.Contains("Hearsay: not checked", page);
    }

    [Fact]
    public async Task A_sensitive_entry_shows_that_it_exists_and_whom_to_ask_but_not_what_it_says()
    {
        await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events", Event("intel-1", "SignificantEvent", "Seen with adults linked to county lines",
            new { nhsNumber = World.AmeliaNhs }, sensitivity: "PoliceIntelligence", contact: "the Child Exploitation Team duty DS, 01632 960111"));
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var page = await worker.GetPageAsync($"/children/{World.Amelia}");
        Assert.DoesNotContain("county lines", page);
        Assert.Contains("Sensitive entry (PoliceIntelligence)", page);
        Assert.Contains("the Child Exploitation Team duty DS, 01632 960111", page);
    }

    [Fact]
    public async Task The_same_batch_sent_twice_at_once_creates_each_event_once()
    {
        var batch = new
        {
            items = Enumerable.Range(0, 3_000).Select(i => Event($"race-{i}", "SchoolAttendance", $"Week {i}", new { familyName = "Racer", dateOfBirth = "2013-03-03" })).ToArray(),
        };
        var sends = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
            await (await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events/batch", batch)).Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(3_000, sends.Sum(s => s.GetProperty("created").GetInt32()));
        Assert.Equal(3_000, sends.Sum(s => s.GetProperty("duplicates").GetInt32()));
        await using var db = App.CreateContext();
        Assert.Equal(3_000, await db.ChronologyEvents.CountAsync(e => e.IdempotencyKey.StartsWith("race-")));
    }

    [Fact]
    public async Task Batches_must_hold_between_one_and_ten_thousand_items()
    {
        var empty = await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events/batch", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var tooMany = Enumerable.Range(0, 10_001).Select(i => new { idempotencyKey = $"k{i}" }).ToArray();
        var large = await Api(World.PoliceApiKey).PostAsJsonAsync("/api/v1/events/batch", new { items = tooMany });
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        Assert.Contains("between 1 and 10,000", await large.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_agency_systems_can_submit_events()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var response = await worker.Client.PostAsJsonAsync("/api/v1/events", new { idempotencyKey = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class EventIntakeOnSqlite(SqliteAppFactory app) : EventIntakeTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class EventIntakeOnPostgres(PostgresAppFactory app) : EventIntakeTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
