using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Identity;
using ChildStory.Domain.People;
using ChildStory.Features.Identity;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Identity;

/// <summary>Events without an identifier we hold are matched: linked, queued for a person to decide, or given a new person; merges undo exactly.</summary>
public abstract class IntakeMatchingTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private async Task SendAsync(string apiKey, string key, object subject, string type = "EmergencyDepartmentAttendance")
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            idempotencyKey = key,
            type,
            occurredAt = "2026-11-01T02:00:00Z",
            author = "Triage nurse",
            summary = $"Matching test {key}",
            verification = "Verified",
            subject,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<MatchUnlinkedEvents.Outcome> MatchAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MatchUnlinkedEvents>().RunAsync();
    }

    private async Task<ChronologyEvent> EventAsync(string key)
    {
        await using var db = App.CreateContext();
        return await db.ChronologyEvents.AsNoTracking().SingleAsync(e => e.IdempotencyKey == key);
    }

    [Fact]
    public async Task Strong_matches_link_possible_ones_wait_for_review_and_strangers_become_new_people()
    {
        // Tomasz is also known as Tom; a day/month swap in his date of birth.
        await SendAsync(World.PoliceApiKey, "m-strong", new { givenName = "Tom", familyName = "NOWAK", dateOfBirth = "2009-05-11", sex = "M" });
        // A name alone, however close, is not enough to link without a person.
        await SendAsync(World.PoliceApiKey, "m-review", new { givenName = "Tomasz", familyName = "Nowak", reference = "HOSP-77" });
        await SendAsync(World.PoliceApiKey, "m-review-2", new { givenName = "Tomasz", familyName = "Nowak", reference = "HOSP-77" }, "OverdoseOrSelfHarm");
        // Nobody like this is held; two agencies describe the same new child in one run.
        await SendAsync(World.PoliceApiKey, "m-new-1", new { givenName = "Zofia", familyName = "Kowalczyk", dateOfBirth = "2015-07-09", sex = "F" });
        await SendAsync(World.SocialCareApiKey, "m-new-2", new { givenName = "Zosia", familyName = "Kowalczyk", dateOfBirth = "2015-07-09", sex = "F", postcode = "WM2 9QQ" });
        // Only a reference nobody knows: kept, unidentified.
        await SendAsync(World.PoliceApiKey, "m-unknown", new { reference = "UNKNOWN-1" });

        var outcome = await MatchAsync();
        Assert.Equal(6, outcome.Events);

        var strong = await EventAsync("m-strong");
        Assert.Equal(World.Tomasz, strong.ChildId);
        Assert.Equal(LinkBasis.Probabilistic, strong.LinkBasis);
        var review = await EventAsync("m-review");
        Assert.Null(review.ChildId);
        Assert.Equal(MatchState.AwaitingReview, review.MatchState);
        Assert.Equal(MatchState.AwaitingReview, (await EventAsync("m-review-2")).MatchState);
        var first = await EventAsync("m-new-1");
        var second = await EventAsync("m-new-2");
        // Both arrive at the same instant, so either may be matched first: one makes the person and the other links to them.
        Assert.Equal([LinkBasis.Probabilistic, LinkBasis.NewPerson], new[] { first.LinkBasis, second.LinkBasis }.Order());
        Assert.NotNull(first.ChildId);
        Assert.Equal(first.ChildId, second.ChildId);
        Assert.NotEqual(World.Tomasz, first.ChildId);
        Assert.Equal(MatchState.Unidentified, (await EventAsync("m-unknown")).MatchState);

        await using var db = App.CreateContext();
        var reviewRow = await db.MatchReviews.SingleAsync(r => r.SubjectKey == review.SubjectKey);
        Assert.Equal(World.Tomasz, reviewRow.CandidateId);
        Assert.Equal(ReviewStatus.Open, reviewRow.Status);
        var zofia = await db.People.SingleAsync(p => p.Id == first.ChildId);
        Assert.True(zofia.CreatedFromIntake);
        Assert.Equal(new DateOnly(2015, 7, 9), zofia.DateOfBirth);

        // The front door sees the evidence side by side and decides; both waiting events link, and the hospital's reference is learned.
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail);
        var frontDoor = await WebSession.SignInAsync(App, World.FrontDoorEmail, totpKey: key);
        var queue = await frontDoor.GetPageAsync("/identity/reviews");
        Assert.Contains("Tomasz Nowak", queue);
        var page = await frontDoor.GetPageAsync($"/identity/reviews/{reviewRow.Id}");
        Assert.Contains("Is this the same child?", page);
        Assert.Contains("Not given", page);

        var noNote = await frontDoor.PostFormAsync($"/identity/reviews/{reviewRow.Id}", new() { ["Decision"] = "different" });
        Assert.Contains("Say why this is not the same child", await noNote.Content.ReadAsStringAsync());
        var decided = await frontDoor.PostFormAsync($"/identity/reviews/{reviewRow.Id}", new() { ["Decision"] = "same", ["Note"] = "Same hospital number as his last admission" });
        Assert.Contains("Decided by", await decided.Content.ReadAsStringAsync());
        Assert.Equal(World.Tomasz, (await EventAsync("m-review")).ChildId);
        Assert.Equal(LinkBasis.Reviewed, (await EventAsync("m-review-2")).LinkBasis);
        Assert.True(await db.PersonReferences.AnyAsync(r => r.Reference == "HOSP-77" && r.PersonId == World.Tomasz));

        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var refused = await worker.GetAsync("/identity/reviews");
        Assert.Equal("/account/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_merge_moves_everything_of_the_duplicate_and_undoing_it_puts_every_event_back()
    {
        Guid original, duplicate;
        await using (var db = App.CreateContext())
        {
            var a = new Person(Guid.NewGuid(), "Lenny", "Okafor", new DateOnly(2012, 4, 4), Gender.Male, isChild: true);
            var b = new Person(Guid.NewGuid(), "Leonard", "Okafor", new DateOnly(2012, 4, 4), Gender.Male, isChild: true);
            db.People.AddRange(a, b);
            await db.SaveChangesAsync();
            (original, duplicate) = (a.Id, b.Id);
        }
        await SendAsync(World.PoliceApiKey, "mg-1", new { givenName = "Lenny", familyName = "Okafor", dateOfBirth = "2012-04-04", sex = "M" });
        await MatchAsync();
        await using (var db = App.CreateContext())
        {
            // Put one event on each record, as two agencies' intakes would have.
            var e = await db.ChronologyEvents.SingleAsync(x => x.IdempotencyKey == "mg-1");
            e.LinkTo(original, LinkBasis.Probabilistic, 25);
            var other = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), e.AgencyId, Guid.NewGuid(), "Worker", EventType.HomeVisit, e.OccurredAt, e.ReceivedAt,
                "Matching test visit to Leonard", e.Subject, duplicate);
            db.ChronologyEvents.Add(other);
            await db.SaveChangesAsync();
        }
        var before = await EventsByChildAsync(original, duplicate);

        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail);
        var frontDoor = await WebSession.SignInAsync(App, World.FrontDoorEmail, totpKey: key);
        var mergePage = await frontDoor.GetPageAsync($"/children/{original}/merge");
        Assert.Contains("Leonard Okafor", mergePage);
        var noReason = await frontDoor.PostFormAsync($"/children/{original}/merge", new() { ["DuplicateId"] = duplicate.ToString() });
        Assert.Contains("Say why these records are the same child", await noReason.Content.ReadAsStringAsync());
        await frontDoor.PostFormAsync($"/children/{original}/merge", new() { ["DuplicateId"] = duplicate.ToString(), ["Reason"] = "Same school, same mother, Lenny is a short form" });

        await using (var db = App.CreateContext())
        {
            Assert.Equal(original, (await db.People.SingleAsync(p => p.Id == duplicate)).MergedIntoId);
            Assert.Equal(2, await db.ChronologyEvents.CountAsync(e => e.ChildId == original));
            Assert.Equal(0, await db.ChronologyEvents.CountAsync(e => e.ChildId == duplicate));
        }
        var merge = await MergeIdAsync(original);
        await frontDoor.PostFormAsync($"/children/{original}/merge?handler=Undo", new() { ["MergeId"] = merge.ToString(), ["UndoReason"] = "Different boys: cousins" },
            formPage: $"/children/{original}/merge");

        Assert.Equal(before, await EventsByChildAsync(original, duplicate));
        await using (var db = App.CreateContext())
        {
            Assert.Null((await db.People.SingleAsync(p => p.Id == duplicate)).MergedIntoId);
            var undone = await db.PersonMerges.SingleAsync(m => m.Id == merge);
            Assert.Equal("Different boys: cousins", undone.UndoReason);
        }
    }

    private async Task<Guid> MergeIdAsync(Guid survivor)
    {
        await using var db = App.CreateContext();
        return await db.PersonMerges.Where(m => m.SurvivorId == survivor).Select(m => m.Id).SingleAsync();
    }

    private async Task<string> EventsByChildAsync(params Guid[] children)
    {
        await using var db = App.CreateContext();
        var rows = await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId != null && children.Contains(e.ChildId.Value)).Select(e => new { e.Id, e.ChildId }).ToListAsync();
        return string.Join(";", rows.OrderBy(r => r.Id).Select(r => $"{r.Id}>{r.ChildId}"));
    }
}

public sealed class IntakeMatchingOnSqlite(SqliteAppFactory app) : IntakeMatchingTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class IntakeMatchingOnPostgres(PostgresAppFactory app) : IntakeMatchingTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
