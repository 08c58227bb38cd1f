using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Exploitation;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class MappingTests(BrowserApp app)
{
    [Fact]
    public async Task A_social_worker_records_a_peer_and_a_place_and_reads_the_map_and_its_printable_version_on_accessible_pages()
    {
        Guid child, friend;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var priya = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.SocialWorkerEmail);
            var kian = new Person(Guid.NewGuid(), "Kian", "Mapping", new DateOnly(2011, 3, 3), Gender.Male, isChild: true);
            var ellis = new Person(Guid.NewGuid(), "Ellis", "Mapping", new DateOnly(2010, 8, 8), Gender.Male, isChild: true);
            db.People.AddRange(kian, ellis);
            db.Involvements.Add(new Involvement(Guid.NewGuid(), kian.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
            db.Involvements.Add(new Involvement(Guid.NewGuid(), ellis.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
            // Kian was screened at high risk, then arrested: police and youth justice must see a possible victim.
            var now = TimeProvider.System.GetUtcNow();
            db.Screenings.Add(new Screening(Guid.NewGuid(), kian.Id, priya.AgencyId, priya.Id, "Priya Shah", now.AddDays(-20), "[]", RiskLevel.High, "Indicators found",
                RiskLevel.High, null, true, true, DateOnly.FromDateTime(now.AddDays(60).UtcDateTime)));
            var arrest = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), priya.AgencyId, priya.Id, "Priya Shah", EventType.Arrest, now.AddDays(-2), now.AddDays(-2),
                "Arrested with class A drugs packaged for supply", new EventSubject("Kian", "Mapping", new DateOnly(2011, 3, 3), null, null, null, null, null), kian.Id);
            arrest.Describe(null, true, Verification.Verified, new EventFacts());
            db.ChronologyEvents.Add(arrest);
            await db.SaveChangesAsync();
            (child, friend) = (kian.Id, ellis.Id);
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync($"/children/{child}");
        await Assertions.Expect(page.Locator("#possible-victim")).ToContainTextAsync("Possible victim of exploitation: arrested on");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/network");
        await Assertions.Expect(page.Locator("#no-links")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a link" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose who or what the child is linked to");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("A child or young person in this area").CheckAsync();
        await page.GetByLabel("Peer", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("First name, or the name they are known by").FillAsync("Ellis");
        await page.GetByLabel("Last name (if known)").FillAsync("Mapping");
        await page.GetByLabel("Date of birth").FillAsync("8/8/2010");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Return home interview");
        await page.GetByLabel("1 — reliable").CheckAsync();
        await page.GetByLabel("A — known directly to the source").CheckAsync();
        await page.GetByLabel("When was the link seen or reported?").FillAsync("1/10/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#nodes")).ToContainTextAsync("Ellis Mapping");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record a link" }).ClickAsync();
        await page.GetByLabel("A place, vehicle or online handle").CheckAsync();
        await page.GetByLabel("Frequents").CheckAsync();
        await page.GetByLabel("What kind").SelectOptionAsync("Station");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Westmere bus station");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Police stop and search");
        await page.GetByLabel("2 — untested").CheckAsync();
        await page.GetByLabel("C — known indirectly").CheckAsync();
        await page.GetByLabel("When was the link seen or reported?").FillAsync("3/10/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the link" }).ClickAsync();
        await Assertions.Expect(page.Locator("#nodes")).ToContainTextAsync("Westmere bus station");
        await Assertions.Expect(page.Locator("svg.app-network-map")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // Select the peer on the map: their own map, where Kian is the link.
        await page.Locator($"svg a[href='/children/{friend}/network']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ellis Mapping");
        await Assertions.Expect(page.Locator("#nodes")).ToContainTextAsync("Kian Mapping");
        await page.GotoAsync($"/children/{child}/network/print");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Network map: Kian Mapping");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/network");
        await page.GetByRole(AriaRole.Link, new() { Name = "frequents" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Westmere bus station");
        await page.AssertAccessibleAsync();
    }
}
