using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AdministrationTests(BrowserApp app)
{
    [Fact]
    public async Task Administrator_adds_an_agency_a_team_and_a_practitioner_on_accessible_pages()
    {
        var key = await Scenario.EnableTwoFactorAsync(app.Services, app.Scenario.AdministratorEmail);
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.AdministratorEmail, Scenario.Password);
        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GotoAsync("/admin");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Agencies and teams" }).ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the agency's name");
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Lantern Family Support");
        await page.GetByLabel("Code").FillAsync("lfs");
        await page.GetByLabel("Kind of agency").SelectOptionAsync("VoluntarySector");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add agency" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lantern Family Support" })).ToBeVisibleAsync();
        await page.GetByLabel("Team name").FillAsync("Family Support Workers");
        await page.GetByLabel("What the team does").SelectOptionAsync("Service");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
        await Assertions.Expect(page.Locator("#teams")).ToContainTextAsync("Family Support Workers");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/admin/practitioners/new");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("First name").FillAsync("Jordan");
        await page.GetByLabel("Last name").FillAsync("Pike");
        await page.GetByLabel("Work email address").FillAsync("jordan.pike@lfs.test.example");
        await page.GetByLabel("Job title").FillAsync("Family support worker");
        await page.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Label = "Lantern Family Support (LFS)" });
        await page.GetByLabel("Practitioner", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add practitioner" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Practitioner added");
        await Assertions.Expect(page.Locator("#generated-password")).ToHaveTextAsync(new Regex("^Cs-"));
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/admin/practitioners?Text=pike");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Jordan Pike" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/admin/api-clients");
        await page.AssertAccessibleAsync();
    }
}
