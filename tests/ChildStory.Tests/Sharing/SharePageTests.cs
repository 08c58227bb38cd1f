using System.Net;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Sharing;

public abstract class SharePageTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private async Task<Guid> TeamAsync(string name)
    {
        await using var db = App.CreateContext();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    [Fact]
    public async Task A_social_worker_shares_from_the_record_and_the_police_acknowledge_and_record_their_action_on_the_page()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);
        var cet = await TeamAsync("Child Exploitation Team");
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var form = $"/children/{World.Amelia}/shares/new";
        Assert.Contains("Share information", await priya.GetPageAsync(form));

        // Missing lawful basis and recipients: the form comes back with each error, nothing is sent.
        var bad = await priya.PostFormAsync(form, new() { ["Subject"] = "Page share", ["Message"] = "Disclosed at school", ["Urgency"] = "WithinWorkingDays", ["WithinDays"] = "2" });
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Select the lawful basis for sharing", badPage);
        Assert.Contains("Choose at least one agency, team or practitioner to share with", badPage);
        Assert.Contains("govuk-error-summary", badPage);

        var sent = await priya.PostFormAsync(form, new()
        {
            ["Subject"] = "Page share",
            ["Message"] = "Disclosed at school that an older boy drives her home",
            ["LawfulBasis"] = "SafeguardingWithoutConsent",
            ["BasisReason"] = "Asking her mother would put her at risk",
            ["Urgency"] = "WithinWorkingDays",
            ["WithinDays"] = "2",
            ["TeamId"] = cet.ToString(),
        });
        var sharePath = sent.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/shares/", sharePath);
        var sentPage = await sent.Content.ReadAsStringAsync();
        Assert.Contains("Child Exploitation Team, Westmere Police", sentPage);
        Assert.Contains("Fri 20 Nov 2026 17:00", sentPage);
        Assert.Contains("How this was worked out", sentPage);

        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var inbox = await dan.GetPageAsync("/inbox");
        Assert.Contains("Page share", inbox);
        var opened = await dan.GetPageAsync(sharePath);
        Assert.Contains("Acknowledge receipt", opened);
        var acknowledged = await (await dan.PostFormAsync($"{sharePath}?handler=Acknowledge", new() { ["RecipientId"] = RecipientId(opened) }, sharePath)).Content.ReadAsStringAsync();
        Assert.Contains("Acknowledged. The sender has been told.", acknowledged);
        var actioned = await (await dan.PostFormAsync($"{sharePath}?handler=Action", new() { ["RecipientId"] = RecipientId(opened), ["Action"] = "Strategy discussion requested" }, sharePath)).Content.ReadAsStringAsync();
        Assert.Contains("Strategy discussion requested", actioned);
        Assert.Contains("Actioned", actioned);

        var list = await priya.GetPageAsync($"/children/{World.Amelia}/shares");
        Assert.Contains("Child Exploitation Team, Westmere Police: Actioned", list);
        var story = await priya.GetPageAsync($"/children/{World.Amelia}/story?type=ShareActioned");
        Assert.Contains("Strategy discussion requested", story);
    }

    [Fact]
    public async Task Nobody_outside_the_share_or_the_childs_team_sees_it_or_can_share_about_the_child()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);
        var cet = await TeamAsync("Child Exploitation Team");
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var sent = await priya.PostFormAsync($"/children/{World.Amelia}/shares/new", new()
        {
            ["Subject"] = "Private share",
            ["Message"] = "Details",
            ["LawfulBasis"] = "ConsentGiven",
            ["Urgency"] = "SameWorkingDay",
            ["TeamId"] = cet.ToString(),
        });
        var sharePath = sent.RequestMessage!.RequestUri!.AbsolutePath;

        // Lewis works in another team of the same agency: not involved with Amelia and not a recipient.
        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        await lewis.GetPageAsync(sharePath, HttpStatusCode.NotFound);
        await lewis.GetPageAsync($"/children/{World.Amelia}/shares", HttpStatusCode.NotFound);
        await lewis.GetPageAsync($"/children/{World.Amelia}/shares/new", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Private share", await lewis.GetPageAsync("/inbox"));
        // A recipient who cannot see the child's record still reads what was sent to them — but not the child's other shares.
        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        Assert.Contains("Private share", await dan.GetPageAsync(sharePath));
        await dan.GetPageAsync($"/children/{World.Amelia}/shares", HttpStatusCode.NotFound);
        await using var db = App.CreateContext();
        var refusal = $"Share:{sharePath["/shares/".Length..]}";
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "ChildAccessDenied" && e.Subject == refusal));
    }

    private static string RecipientId(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page, "name=\"RecipientId\" value=\"([0-9a-f-]{36})\"");
        Assert.True(match.Success, "No answer form on the page");
        return match.Groups[1].Value;
    }
}

public sealed class SharePageOnSqlite(SqliteAppFactory app) : SharePageTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class SharePageOnPostgres(PostgresAppFactory app) : SharePageTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;

public abstract class ShareAttachmentTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static ByteArrayContent File(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    private async Task<HttpResponseMessage> PostAsync(WebSession session, string url, Dictionary<string, string> fields, params (string Name, byte[] Bytes, string Type)[] files)
    {
        var page = await session.Client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent { { new StringContent(System.Net.WebUtility.HtmlDecode(token)), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields) { form.Add(new StringContent(value), key); }
        foreach (var (name, bytes, type) in files) { form.Add(File(bytes, type), "Files", name); }
        return await session.Client.PostAsync(url, form);
    }

    [Fact]
    public async Task Files_go_with_a_share_only_if_they_are_what_they_say_and_only_the_shares_readers_can_download_them()
    {
        App.Clock.Now = new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero);
        Guid cet;
        await using (var db = App.CreateContext()) { cet = await db.Teams.Where(t => t.Name == "Child Exploitation Team").Select(t => t.Id).SingleAsync(); }
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var url = $"/children/{World.Amelia}/shares/new";
        var fields = new Dictionary<string, string>
        {
            ["Subject"] = "Bruise map",
            ["Message"] = "Body map from today's visit",
            ["LawfulBasis"] = "ConsentGiven",
            ["Urgency"] = "SameWorkingDay",
            ["TeamId"] = cet.ToString(),
        };
        var pdf = "%PDF-1.4\n% body map\n"u8.ToArray();
        var refused = await (await PostAsync(priya, url, fields, ("setup.exe", [0x4D, 0x5A, 0x90], "application/octet-stream"), ("map.pdf", "MZ not really"u8.ToArray(), "application/pdf"))).Content.ReadAsStringAsync();
        Assert.Contains("setup.exe is not a kind of file ChildStory accepts", refused);
        Assert.Contains("map.pdf does not contain what its name says", refused);
        await using (var db = App.CreateContext()) { Assert.False(await db.Shares.AnyAsync(s => s.Subject == "Bruise map")); }

        var sent = await PostAsync(priya, url, fields, ("C:\\Users\\priya\\body map.pdf", pdf, "application/pdf"));
        var page = await sent.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/shares/[0-9a-f-]+/attachments/[0-9a-f-]+)\">body map.pdf</a>");
        Assert.True(link.Success, "The share page lists the attachment under its own name");

        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        var download = await dan.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await lewis.GetAsync(link.Groups[1].Value)).StatusCode);
        await using var check = App.CreateContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.Action == "ShareAttachmentDownloaded"));
    }
}

public sealed class ShareAttachmentOnSqlite(SqliteAppFactory app) : ShareAttachmentTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ShareAttachmentOnPostgres(PostgresAppFactory app) : ShareAttachmentTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
