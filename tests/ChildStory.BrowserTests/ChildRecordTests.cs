using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ChildRecordTests(BrowserApp app)
{
    [Fact]
    public async Task Social_worker_finds_a_child_by_a_misspelt_name_and_opens_the_record()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Find a child" }).First.ClickAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("amelia clark");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("1 child found");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Amelia Clarke" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amelia Clarke", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#lead-professional")).ToContainTextAsync("Priya Shah");
        await Assertions.Expect(page.Locator("#family")).ToContainTextAsync("Not known — Mother declines to name him");
        await Assertions.Expect(page.Locator("#team-around-the-child")).ToContainTextAsync("North Locality Team");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_wrong_nhs_number_is_explained_in_an_error_summary()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync("/children?NhsNumber=9990000019");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("check digit does not match");
        await Assertions.Expect(page.Locator("#NhsNumber-error")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Social_worker_is_refused_a_child_only_the_police_work_with_as_if_it_did_not_exist()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        var response = await page.GotoAsync($"/children/{app.Scenario.Tomasz}");
        Assert.True(response!.Status == 404, $"{page.Url} {response.Status}\n{await page.InnerTextAsync("main")}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Nowak");
        await page.AssertAccessibleAsync();

        await page.GotoAsync("/children?Name=Tomasz+Nowak");
        await Assertions.Expect(page.Locator("#results-heading")).ToHaveTextAsync("No children found");
    }

    [Fact]
    public async Task Breaking_the_glass_gives_access_with_a_banner_and_puts_it_before_the_manager()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync("/children/break-glass");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Why do you need to see this record?").FillAsync("Kai is at the family centre saying he is scared to go home");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Kai Brenan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search the whole partnership" }).ClickAsync();
        await Assertions.Expect(page.Locator("#results-heading")).ToContainTextAsync("1 found");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open record of Kai Brennan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/children/{app.Scenario.Kai}$"));
        await Assertions.Expect(page.Locator("#glass-title")).ToHaveTextAsync("Broken-glass access");
        await page.AssertAccessibleAsync();
    }
}
