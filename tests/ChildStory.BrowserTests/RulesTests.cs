using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RulesTests(BrowserApp app)
{
    [Fact]
    public async Task A_rule_raises_an_alert_with_its_evidence_and_the_social_worker_records_what_was_done_on_accessible_pages()
    {
        Guid child;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var priya = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.SocialWorkerEmail);
            var sam = new Person(Guid.NewGuid(), "Sam", "Alerting", new DateOnly(2010, 2, 2), Gender.Male, isChild: true);
            db.People.Add(sam);
            db.Involvements.Add(new Involvement(Guid.NewGuid(), sam.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
            var now = TimeProvider.System.GetUtcNow();
            foreach (var (type, days, summary) in new[] { (EventType.OverdoseOrSelfHarm, 20, "Took tablets at a friend's house"), (EventType.MissingEpisode, 12, "Missing overnight"),
                (EventType.Arrest, 5, "Arrested with older males") })
            {
                var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), priya.AgencyId, priya.Id, "Priya Shah", type, now.AddDays(-days), now.AddDays(-days), summary,
                    new EventSubject("Sam", "Alerting", new DateOnly(2010, 2, 2), null, null, null, null, null), sam.Id);
                e.Describe(null, true, Verification.Verified, new EventFacts());
                db.ChronologyEvents.Add(e);
            }
            await db.SaveChangesAsync();
            child = sam.Id;
            await scope.ServiceProvider.GetRequiredService<RunRules>().EvaluateAsync(child);
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync("/alerts");
        await Assertions.Expect(page.Locator("#alerts")).ToContainTextAsync("Sam Alerting");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Complex needs and high risk: concerns in several domains at once" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Arrested with older males");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose what was decided");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Acted on (say what was done)").CheckAsync();
        await page.GetByLabel("What was done, or why it is dismissed").FillAsync("Fast-track discussion booked for Thursday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Decision recorded");

        await page.GotoAsync("/register");
        await Assertions.Expect(page.Locator("#register")).ToContainTextAsync("Sam Alerting");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/rules");
        await Assertions.Expect(page.Locator("#rules")).ToContainTextAsync("complex-needs");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/alerts");
        await page.AssertAccessibleAsync();

        // The exploitation screening, pre-filled from the chronology; without a level the tool says what it proposes.
        await page.GotoAsync($"/children/{child}/screenings");
        await Assertions.Expect(page.Locator("#Found-missing")).ToBeCheckedAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record screening" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The tool proposes");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/mace");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/nrm");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/mace");
        await page.AssertAccessibleAsync();
    }
}
