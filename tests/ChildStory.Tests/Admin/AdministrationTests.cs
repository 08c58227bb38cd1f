using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ChildStory.Domain.Audit;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Admin;

public abstract partial class AdministrationTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private async Task<WebSession> AdministratorAsync() =>
        await WebSession.SignInAsync(App, World.AdministratorEmail, totpKey: await Scenario.EnableTwoFactorAsync(App.Services, World.AdministratorEmail));

    [Fact]
    public async Task Practitioners_who_are_not_administrators_are_kept_out_of_administration()
    {
        var worker = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        foreach (var path in new[] { "/admin", "/admin/agencies", "/admin/practitioners", "/admin/api-clients" })
        {
            var response = await worker.GetAsync(path);
            Assert.Equal("/account/access-denied", response.RequestMessage!.RequestUri!.AbsolutePath);
        }
    }

    [Fact]
    public async Task Agency_codes_must_be_unique_and_nothing_is_saved_when_they_are_not()
    {
        var admin = await AdministratorAsync();
        var response = await admin.PostFormAsync("/admin/agencies", new() { ["Name"] = "A second social care", ["Code"] = "csc", ["Kind"] = "ChildrensSocialCare" });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Another agency already has the code CSC", page);
        await using var db = App.CreateContext();
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == "A second social care"));
    }

    [Fact]
    public async Task Text_longer_than_its_column_is_an_error_on_the_page_not_a_server_error()
    {
        var admin = await AdministratorAsync();
        var response = await admin.PostFormAsync("/admin/agencies", new() { ["Name"] = new string('x', 250), ["Code"] = "LONG", ["Kind"] = "VoluntarySector" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Name must be 200 characters or fewer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Adding_a_practitioner_with_bad_input_names_every_field_and_saves_nothing()
    {
        var admin = await AdministratorAsync();
        var response = await admin.PostFormAsync("/admin/practitioners/new", new() { ["Form.Email"] = "not-an-email", ["Form.ManagerEmail"] = "nobody@nowhere.example" });
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter the practitioner&#x27;s first name", page);
        Assert.Contains("Enter an email address in the correct format", page);
        Assert.Contains("Select the practitioner&#x27;s agency", page);
        Assert.Contains("No active practitioner has this email address", page);
        await using var db = App.CreateContext();
        Assert.False(await db.Practitioners.AnyAsync(p => p.Email == "not-an-email"));
    }

    [Fact]
    public async Task Deactivating_a_practitioner_stops_them_signing_in()
    {
        await using (var db = App.CreateContext())
        {
            var officer = await db.Practitioners.SingleAsync(p => p.Email == World.PoliceEmail);
            var admin = await AdministratorAsync();
            await admin.PostFormAsync($"/admin/practitioners/{officer.Id}?handler=Active", new() { ["Active"] = "false" }, formPage: $"/admin/practitioners/{officer.Id}");
        }
        await Assert.ThrowsAsync<InvalidOperationException>(() => WebSession.SignInAsync(App, World.PoliceEmail));
        await using var after = App.CreateContext();
        Assert.True(await after.AuditEntries.AnyAsync(e => e.Action == AuditActions.AdminChange && e.Detail!.Contains("deactivated")));
    }

    [Fact]
    public async Task Administrator_cannot_remove_their_own_administrator_role()
    {
        var admin = await AdministratorAsync();
        await using var db = App.CreateContext();
        var me = await db.Practitioners.SingleAsync(p => p.Email == World.AdministratorEmail);
        var response = await admin.PostFormAsync($"/admin/practitioners/{me.Id}", new()
        {
            ["Form.GivenName"] = me.GivenName,
            ["Form.FamilyName"] = me.FamilyName,
            ["Form.Email"] = me.Email,
            ["Form.JobTitle"] = me.JobTitle,
            ["Form.AgencyId"] = me.AgencyId.ToString(),
            ["Form.Roles"] = "Practitioner",
        });
        Assert.Contains("You cannot remove the Administrator role from yourself", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Agencies_services_and_practitioners_open_by_id_and_unknown_ids_are_not_found()
    {
        var admin = await AdministratorAsync();
        Guid agency, service;
        await using (var db = App.CreateContext())
        {
            agency = await db.Agencies.Where(a => a.Code == "POL").Select(a => a.Id).SingleAsync();
        }
        var added = await admin.PostFormAsync("/admin/services/new", new()
        {
            ["Name"] = "Lookup test service",
            ["Kind"] = "Mentoring",
            ["TeamId"] = await TeamAsync("North Locality Team"),
            ["ReceiveDays"] = "2",
            ["DecideDays"] = "5",
            ["AllocateDays"] = "10",
            ["FirstContactDays"] = "5",
            ["FastTrackHours"] = "24",
            ["Active"] = "true",
        });
        Assert.Equal("/admin/services", added.RequestMessage!.RequestUri!.AbsolutePath);
        await using (var db = App.CreateContext())
        {
            service = await db.ReferralServices.Where(s => s.Name == "Lookup test service").Select(s => s.Id).SingleAsync();
        }

        Assert.Contains("Child Exploitation Team", await admin.GetPageAsync($"/admin/agencies/{agency}"));
        Assert.Contains("Lookup test service", await admin.GetPageAsync($"/admin/services/{service}"));
        Assert.Contains("Lookup test service", await admin.GetPageAsync("/admin/services"));
        Assert.Contains(World.ManagerEmail, await admin.GetPageAsync($"/admin/practitioners/{World.ManagerId}"));
        foreach (var path in new[] { $"/admin/agencies/{Guid.NewGuid()}", $"/admin/services/{Guid.NewGuid()}", "/admin/services/not-an-id", $"/admin/practitioners/{Guid.NewGuid()}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
        }
    }

    private async Task<string> TeamAsync(string name)
    {
        await using var db = App.CreateContext();
        return (await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync()).ToString();
    }

    [Fact]
    public async Task An_issued_api_key_works_until_it_is_revoked()
    {
        var admin = await AdministratorAsync();
        await using var db = App.CreateContext();
        var police = await db.Agencies.SingleAsync(a => a.Code == "POL");
        var issued = await admin.PostFormAsync("/admin/api-clients", new() { ["AgencyId"] = police.Id.ToString(), ["Name"] = "Custody system" });
        var key = WebUtility.HtmlDecode(KeyPattern().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value);
        Assert.StartsWith("cs_", key);

        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/children/{World.Tomasz}")).StatusCode);

        var row = await db.ApiClients.SingleAsync(c => c.Name == "Custody system");
        await admin.PostFormAsync("/admin/api-clients?handler=Revoke", new() { ["ClientId"] = row.Id.ToString() }, formPage: "/admin/api-clients");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/v1/children/{World.Tomasz}")).StatusCode);
    }

    [GeneratedRegex("id=\"issued-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}

public sealed class AdministrationOnSqlite(SqliteAppFactory app) : AdministrationTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class AdministrationOnPostgres(PostgresAppFactory app) : AdministrationTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
