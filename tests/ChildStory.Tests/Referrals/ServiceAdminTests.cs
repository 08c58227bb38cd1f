using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Referrals;

public abstract class ServiceAdminTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    [Fact]
    public async Task An_administrator_adds_a_service_with_checked_targets_and_nobody_else_can()
    {
        Guid cet;
        await using (var db = App.CreateContext()) { cet = await db.Teams.Where(t => t.Name == "Child Exploitation Team").Select(t => t.Id).SingleAsync(); }
        var admin = await WebSession.SignInAsync(App, World.AdministratorEmail, totpKey: await Scenario.EnableTwoFactorAsync(App.Services, World.AdministratorEmail));
        var bad = await (await admin.PostFormAsync("/admin/services/new", new() { ["Name"] = "", ["FastTrackHours"] = "0", ["ReceiveDays"] = "x" })).Content.ReadAsStringAsync();
        Assert.Contains("Enter the service&#x27;s name", bad);
        Assert.Contains("Select the kind of service", bad);
        Assert.Contains("Choose the active team that receives the referrals", bad);
        Assert.Contains("Days to receive must be a whole number of working days from 0 to 365", bad);
        Assert.Contains("Fast-track hours must be a whole number from 1 to 168", bad);

        var added = await admin.PostFormAsync("/admin/services/new", new()
        {
            ["Name"] = "Exploitation outreach",
            ["Kind"] = "ChildExploitation",
            ["TeamId"] = cet.ToString(),
            ["ReceiveDays"] = "1",
            ["DecideDays"] = "2",
            ["AllocateDays"] = "3",
            ["FirstContactDays"] = "2",
            ["FastTrackHours"] = "4",
            ["Active"] = "true",
        });
        Assert.Equal("/admin/services", added.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Exploitation outreach", await added.Content.ReadAsStringAsync());
        await using (var db = App.CreateContext())
        {
            var service = await db.ReferralServices.SingleAsync(s => s.Name == "Exploitation outreach");
            Assert.Equal((1, 2, 3, 2, 4), (service.ReceiveDays, service.DecideDays, service.AllocateDays, service.FirstContactDays, service.FastTrackHours));
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "AdminChange" && e.Subject == $"ReferralService:{service.Id}"));
        }

        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var refused = await priya.GetAsync("/admin/services");
        Assert.Equal("/account/access-denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }
}

public sealed class ServiceAdminOnSqlite(SqliteAppFactory app) : ServiceAdminTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;
