using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace ChildStory.Tests.Chronology;

/// <summary>The child's story page: every agency in one chronology, filtered, pictured, added to, amended and exported.</summary>
public abstract class StoryPageTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private async Task SendAsync(string apiKey, string key, string type, string occurredAt, string summary, bool significant = false, string? sensitivity = null)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        var response = await client.PostAsJsonAsync("/api/v1/events", new
        {
            idempotencyKey = key,
            type,
            occurredAt,
            author = "Duty officer",
            summary,
            verification = "Verified",
            significant,
            sensitivity,
            sensitiveContact = sensitivity is null ? null : "the duty DS on 01632 960111",
            subject = new { nhsNumber = World.AmeliaNhs },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private async Task<Guid> AgencyOfAsync(string key)
    {
        await using var db = App.CreateContext();
        return await db.ChronologyEvents.Where(e => e.IdempotencyKey == key).Select(e => e.AgencyId).SingleAsync();
    }

    [Fact]
    public async Task Every_agencys_entries_show_in_one_story_that_filters_orders_counts_and_pictures_them()
    {
        await SendAsync(World.PoliceApiKey, "sp-a", "PoliceIncident", "2024-02-10T22:00:00Z", "Storytest incident Alpha", significant: true);
        await SendAsync(World.PoliceApiKey, "sp-b", "MissingEpisode", "2025-06-01T23:00:00Z", "Storytest missing Bravo");
        await SendAsync(World.SocialCareApiKey, "sp-c", "HomeVisit", "2026-01-20T10:00:00Z", "Storytest visit Charlie");
        var police = await AgencyOfAsync("sp-a");
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);

        var all = await worker.GetPageAsync($"/children/{World.Amelia}/story");
        Assert.Contains("Storytest incident Alpha", all);
        Assert.Contains("Storytest missing Bravo", all);
        Assert.Contains("Storytest visit Charlie", all);
        Assert.Contains("<svg", all);
        Assert.Contains("id=\"periods\"", all);
        Assert.True(all.IndexOf("Storytest visit Charlie", StringComparison.Ordinal) < all.IndexOf("Storytest incident Alpha", StringComparison.Ordinal), "newest first by default");

        var oldest = await worker.GetPageAsync($"/children/{World.Amelia}/story?order=OldestFirst");
        Assert.True(oldest.IndexOf("Storytest incident Alpha", StringComparison.Ordinal) < oldest.IndexOf("Storytest visit Charlie", StringComparison.Ordinal));

        var missing = await worker.GetPageAsync($"/children/{World.Amelia}/story?type=MissingEpisode");
        Assert.Contains("Storytest missing Bravo", missing);
        Assert.DoesNotContain("Storytest incident Alpha", missing);

        var significantPolice = await worker.GetPageAsync($"/children/{World.Amelia}/story?agency={police}&significant=true");
        Assert.Contains("Storytest incident Alpha", significantPolice);
        Assert.DoesNotContain("Storytest missing Bravo", significantPolice);
        Assert.DoesNotContain("Storytest visit Charlie", significantPolice);

        var in2025 = await worker.GetPageAsync($"/children/{World.Amelia}/story?from=1/1/2025&to=31/12/2025&period=Quarter");
        Assert.Contains("Storytest missing Bravo", in2025);
        Assert.DoesNotContain("Storytest incident Alpha", in2025);
        Assert.Contains("Q2 2025", in2025);

        await using var db = App.CreateContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditActions.StoryViewed && a.ChildId == World.Amelia) >= 5);
    }

    [Fact]
    public async Task A_bad_filter_or_export_format_is_explained_not_a_server_error()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var page = await worker.GetPageAsync($"/children/{World.Amelia}/story?from=31/2/2025&type=Teleport&agency=nope");
        Assert.Contains("The start date must be a real date", page);
        Assert.Contains("&#x27;Teleport&#x27; is not a kind of event", page);
        Assert.Contains("is not an agency", page);
        var export = await worker.GetPageAsync($"/children/{World.Amelia}/story/export?format=docx", HttpStatusCode.BadRequest);
        Assert.Contains("Choose PDF or CSV", export);
    }

    [Fact]
    public async Task Outside_need_to_know_the_story_its_entries_exports_and_forms_are_not_found_and_the_attempt_is_audited()
    {
        await SendAsync(World.PoliceApiKey, "sp-deny", "Arrest", "2026-10-01T12:00:00Z", "Storytest arrest Delta");
        await using var db = App.CreateContext();
        var eventId = await db.ChronologyEvents.Where(e => e.IdempotencyKey == "sp-deny").Select(e => e.Id).SingleAsync();
        var before = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ChildAccessDenied && a.ChildId == World.Amelia);
        var other = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        foreach (var url in new[]
        {
            $"/children/{World.Amelia}/story", $"/children/{World.Amelia}/story/{eventId}", $"/children/{World.Amelia}/story/export?format=csv",
            $"/children/{World.Amelia}/story/export?format=pdf", $"/children/{World.Amelia}/story/add", $"/children/{World.Amelia}/story/{eventId}/amend",
        })
        {
            var body = await other.GetPageAsync(url, HttpStatusCode.NotFound);
            Assert.DoesNotContain("Storytest arrest Delta", body);
        }
        Assert.Equal(before + 6, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ChildAccessDenied && a.ChildId == World.Amelia));
    }

    [Fact]
    public async Task A_practitioner_records_the_childs_own_words_and_an_amendment_keeps_the_earlier_version()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var add = $"/children/{World.Amelia}/story/add";
        await using var db = App.CreateContext();
        var count = await db.ChronologyEvents.CountAsync(e => e.ChildId == World.Amelia);

        var invalid = await worker.PostFormAsync(add, new() { ["Type"] = "VoiceOfTheChild", ["OccurredOn"] = "1/1/2099", ["Summary"] = "", ["Verification"] = "Verified" });
        var invalidPage = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Enter a one-line summary of what happened", invalidPage);
        Assert.Contains("cannot be in the future", invalidPage);
        Assert.Equal(count, await db.ChronologyEvents.CountAsync(e => e.ChildId == World.Amelia));

        var added = await worker.PostFormAsync(add, new()
        {
            ["Type"] = "VoiceOfTheChild",
            ["OccurredOn"] = "14/11/2026",
            ["OccurredTime"] = "16:05",
            ["Summary"] = "Said she is scared when mum's boyfriend shouts",
            ["Details"] = "\"I hide under my bed with my headphones on\"",
            ["Verification"] = "Verified",
            ["Significant"] = "true",
        }, formPage: add + "?type=VoiceOfTheChild");
        var story = await added.Content.ReadAsStringAsync();
        Assert.Contains("Your entry was added", story);
        Assert.Contains("Said she is scared when mum&#x27;s boyfriend shouts", story);
        var entry = await db.ChronologyEvents.AsNoTracking().SingleAsync(e => e.ChildId == World.Amelia && e.Summary == "Said she is scared when mum's boyfriend shouts");
        Assert.Equal(LinkBasis.EnteredInChildStory, entry.LinkBasis);
        Assert.NotNull(entry.EnteredById);
        Assert.Equal(new DateTimeOffset(2026, 11, 14, 16, 5, 0, TimeSpan.Zero), entry.OccurredAt);

        var amend = $"/children/{World.Amelia}/story/{entry.Id}/amend";
        var noReason = await worker.PostFormAsync(amend, new() { ["Type"] = "VoiceOfTheChild", ["OccurredOn"] = "14/11/2026", ["Summary"] = "Changed", ["Verification"] = "Verified" });
        Assert.Contains("Say why you are amending this entry", await noReason.Content.ReadAsStringAsync());
        var amended = await worker.PostFormAsync(amend, new()
        {
            ["Type"] = "VoiceOfTheChild",
            ["OccurredOn"] = "14/11/2026",
            ["OccurredTime"] = "16:05",
            ["Summary"] = "Said she is frightened when mum's partner shouts",
            ["Details"] = "\"I hide under my bed with my headphones on\"",
            ["Verification"] = "Verified",
            ["Significant"] = "true",
            ["Reason"] = "Corrected wording after checking my notes",
        });
        Assert.Equal(HttpStatusCode.OK, amended.StatusCode);
        var current = await db.ChronologyEvents.AsNoTracking().SingleAsync(e => e.Id == entry.Id);
        Assert.Equal(2, current.Version);
        var revision = await db.EventRevisions.AsNoTracking().SingleAsync(r => r.EventId == entry.Id);
        Assert.Equal("Said she is scared when mum's boyfriend shouts", revision.Summary);
        Assert.Equal("Corrected wording after checking my notes", revision.Reason);

        var detail = await worker.GetPageAsync($"/children/{World.Amelia}/story/{entry.Id}");
        Assert.Contains("Said she is frightened when mum&#x27;s partner shouts", detail);
        Assert.Contains("Said she is scared when mum&#x27;s boyfriend shouts", detail);
        Assert.Contains("Corrected wording after checking my notes", detail);
        Assert.Contains("In the child&#x27;s words", detail);
    }

    [Fact]
    public async Task Only_the_recording_agency_may_amend_an_entry()
    {
        await SendAsync(World.PoliceApiKey, "sp-own", "StopAndSearch", "2026-09-01T12:00:00Z", "Storytest search Echo");
        await using var db = App.CreateContext();
        var eventId = await db.ChronologyEvents.Where(e => e.IdempotencyKey == "sp-own").Select(e => e.Id).SingleAsync();
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var detail = await worker.GetPageAsync($"/children/{World.Amelia}/story/{eventId}");
        Assert.DoesNotContain("Amend this entry", detail);
        var response = await worker.GetAsync($"/children/{World.Amelia}/story/{eventId}/amend");
        Assert.Equal("/account/access-denied", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.DoesNotContain("Save the amendment", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await db.ChronologyEvents.AsNoTracking().SingleAsync(e => e.Id == eventId)).Version);
    }

    [Fact]
    public async Task Exports_give_a_review_panel_csv_and_pdf_with_sensitive_content_withheld_and_are_audited()
    {
        await SendAsync(World.PoliceApiKey, "sp-x1", "EmergencyDepartmentAttendance", "2025-03-03T03:00:00Z", "Storytest overdose Foxtrot, discharged", significant: true);
        await SendAsync(World.PoliceApiKey, "sp-x2", "SignificantEvent", "2025-03-04T03:00:00Z", "Storytest intelligence Golf", sensitivity: "PoliceIntelligence");
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);

        var csvResponse = await worker.GetAsync($"/children/{World.Amelia}/story/export?format=csv&order=OldestFirst");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.StartsWith("date,time_utc,agency,event,what_happened,significant,verification,source,author", csv.TrimStart('\uFEFF'));
        Assert.Contains("2025-03-03,03:00,", csv);
        Assert.Contains("A&E attendance,\"Storytest overdose Foxtrot, discharged\",yes,verified", csv);
        Assert.DoesNotContain("Storytest intelligence Golf", csv);
        Assert.Contains("Sensitive entry (PoliceIntelligence)", csv);

        var pdfResponse = await worker.GetAsync($"/children/{World.Amelia}/story/export?format=pdf&significant=true");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Multi-agency chronology: Amelia Clarke", text);
        Assert.Contains("Foxtrot,", text);
        Assert.Contains("significant only", text);
        Assert.DoesNotContain("Golf", text);

        await using var db = App.CreateContext();
        Assert.True(await db.AuditEntries.CountAsync(a => a.Action == AuditActions.StoryExported && a.ChildId == World.Amelia) >= 2);
    }
}

public sealed class StoryPageOnSqlite(SqliteAppFactory app) : StoryPageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class StoryPageOnPostgres(PostgresAppFactory app) : StoryPageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
