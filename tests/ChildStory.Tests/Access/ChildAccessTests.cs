using System.Net;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Access;

/// <summary>Need to know on the record and search pages: the denial tests for every page that shows a child.</summary>
public abstract class ChildAccessTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    [Fact]
    public async Task Social_worker_opens_a_child_their_team_works_with()
    {
        var session = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var page = await session.GetPageAsync($"/children/{World.Amelia}");
        Assert.Contains("Amelia Clarke", page);
        Assert.Contains("Priya Shah", page);
        // The mother lives with Amelia though no address records it: she is in the household all the same.
        var household = page[page.IndexOf("id=\"household\"", StringComparison.Ordinal)..];
        Assert.Contains("Rachel Clarke", household[..household.IndexOf("</table>", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task Social_worker_in_another_team_of_the_same_agency_is_told_the_record_does_not_exist()
    {
        var session = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        var page = await session.GetPageAsync($"/children/{World.Amelia}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Clarke", page);
    }

    [Fact]
    public async Task Police_officer_is_told_a_social_care_child_does_not_exist_and_the_attempt_is_audited()
    {
        var session = await WebSession.SignInAsync(App, World.PoliceEmail);
        var refused = await session.GetPageAsync($"/children/{World.Amelia}", HttpStatusCode.NotFound);
        var missing = await session.GetPageAsync($"/children/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Clarke", refused);
        Assert.Equal(Strip(missing), Strip(refused));

        await using var db = App.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ChildId == World.Amelia && e.Action == AuditActions.ChildAccessDenied && e.ActorName.Contains(World.PoliceEmail)));
    }

    [Fact]
    public async Task Search_finds_only_children_within_reach()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        Assert.Contains("Amelia Clarke", await worker.GetPageAsync("/children?Name=Amelia"));
        Assert.Contains("No children found", await worker.GetPageAsync("/children?Name=Tomasz+Nowak"));

        var officer = await WebSession.SignInAsync(App, World.PoliceEmail);
        Assert.Contains("Tomasz Nowak", await officer.GetPageAsync("/children?Name=tom+nowak"));
        Assert.Contains("No children found", await officer.GetPageAsync("/children?Name=Amelia+Clarke"));
    }

    [Fact]
    public async Task My_work_lists_only_the_children_a_practitioner_is_named_on()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var officer = await WebSession.SignInAsync(App, World.PoliceEmail);
        var workerHome = await worker.GetPageAsync("/");
        var officerHome = await officer.GetPageAsync("/");
        Assert.Contains("Amelia Clarke", workerHome);
        Assert.DoesNotContain("Nowak", workerHome);
        Assert.Contains("Tomasz Nowak", officerHome);
        Assert.DoesNotContain("Amelia", officerHome);
    }

    [Fact]
    public async Task Front_door_practitioner_sees_any_child()
    {
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail);
        var session = await WebSession.SignInAsync(App, World.FrontDoorEmail, totpKey: key);
        Assert.Contains("Tomasz Nowak", await session.GetPageAsync($"/children/{World.Tomasz}"));
        Assert.Contains("Amelia Clarke", await session.GetPageAsync("/children?Name=Amelia"));
    }

    [Fact]
    public async Task Every_view_is_audited_with_the_basis_of_access()
    {
        var session = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await session.GetPageAsync($"/children/{World.Amelia}");
        await using var db = App.CreateContext();
        var view = await db.AuditEntries.Where(e => e.ChildId == World.Amelia && e.Action == AuditActions.ChildViewed && e.ActorName.Contains(World.SocialWorkerEmail)).FirstOrDefaultAsync();
        Assert.NotNull(view);
        Assert.Contains("Involvement", view.Detail);
    }

    [Fact]
    public async Task Access_log_is_for_managers_who_can_see_the_child()
    {
        var key = await Scenario.EnableTwoFactorAsync(App.Services, World.ManagerEmail);
        var manager = await WebSession.SignInAsync(App, World.ManagerEmail, totpKey: key);
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        await worker.GetPageAsync($"/children/{World.Amelia}");

        var log = await manager.GetPageAsync($"/children/{World.Amelia}/access-log");
        Assert.Contains("Priya Shah", log);
        Assert.Contains("Viewed the record", log);
        await worker.GetPageAsync($"/children/{World.Amelia}/access-log", HttpStatusCode.NotFound);
        await manager.GetPageAsync($"/children/{World.Tomasz}/access-log", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Refusals_on_pages_that_used_to_check_late_are_refused_before_the_handler_and_audited()
    {
        var officer = await WebSession.SignInAsync(App, World.PoliceEmail);
        var token = System.Text.RegularExpressions.Regex.Match(await officer.GetPageAsync("/"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success);
        int before;
        await using (var db0 = App.CreateContext())
        {
            before = await Denials(db0);
        }

        var log = await officer.GetAsync($"/children/{World.Amelia}/access-log");
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value), ["Note"] = "x" };
        var network = await officer.Client.PostAsync($"/children/{World.Amelia}/network/new", new FormUrlEncodedContent(form));
        var visit = await officer.Client.PostAsync($"/children/{World.Amelia}/visits/new", new FormUrlEncodedContent(form));

        Assert.All([log, network, visit], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in new[] { log, network, visit })
        {
            Assert.DoesNotContain("Clarke", await response.Content.ReadAsStringAsync());
        }
        await using var db = App.CreateContext();
        Assert.Equal(before + 3, await Denials(db));

        Task<int> Denials(ChildStory.Data.ChildStoryDbContext context) => context.AuditEntries.CountAsync(e => e.Action == AuditActions.ChildAccessDenied
            && e.Subject == $"Child:{World.Amelia}" && e.ChildId == World.Amelia && e.ActorName.Contains(World.PoliceEmail));
    }

    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\"[^>]*>", "");
}

public sealed class ChildAccessOnSqlite(SqliteAppFactory app) : ChildAccessTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ChildAccessOnPostgres(PostgresAppFactory app) : ChildAccessTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
