using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class EducationTests(BrowserApp app)
{
    [Fact]
    public async Task A_social_worker_puts_a_child_on_a_roll_and_in_alternative_provision_and_sees_the_education_picture_on_accessible_pages()
    {
        Guid child;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var priya = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.SocialWorkerEmail);
            var jo = new Person(Guid.NewGuid(), "Jo", "Schooling", new DateOnly(2012, 4, 4), Gender.Male, isChild: true);
            db.People.Add(jo);
            db.Involvements.Add(new Involvement(Guid.NewGuid(), jo.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
            if (!await db.Agencies.AnyAsync(a => a.Code == "EDUSCH"))
            {
                db.Agencies.Add(new Agency(Guid.NewGuid(), "EDUSCH", "Kelbrook Academy", AgencyKind.School));
                db.Agencies.Add(new Agency(Guid.NewGuid(), "EDUAP", "Bridge Project", AgencyKind.AlternativeProvision));
            }
            await db.SaveChangesAsync();
            child = jo.Id;
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync($"/children/{child}/education");
        await Assertions.Expect(page.Locator("#education")).ToContainTextAsync("On no school roll");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Put on a school roll" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record roll" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the school that holds the child on roll");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("School", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Kelbrook Academy" });
        await page.GetByLabel("On roll from").FillAsync("3/9/2026");
        await page.GetByLabel("Full-time").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record roll" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("The roll is recorded");
        await Assertions.Expect(page.Locator("#education")).ToContainTextAsync("On the roll of Kelbrook Academy");

        await page.GotoAsync($"/children/{child}/education/placement");
        await page.GetByLabel("Provider", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bridge Project" });
        await page.Locator("#Registered-1").CheckAsync();
        await page.GetByLabel("The school", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Hours a week").FillAsync("6");
        await page.GetByLabel("Started on").FillAsync("2/11/2026");
        await page.GetByLabel("Who monitors the placement").FillAsync("Ann Monitor, assistant head");
        await page.GetByLabel("Contact with the provider every (days)").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record placement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Placement recorded");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/children/{child}");
        await Assertions.Expect(page.Locator("#education")).ToContainTextAsync("Unregistered");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/education?list=AlternativeProvision");
        await Assertions.Expect(page.Locator("#education-list")).ToContainTextAsync("Jo Schooling");
        await page.AssertAccessibleAsync();
        await page.GotoAsync($"/children/{child}/education/change");
        await page.AssertAccessibleAsync();
    }
}
