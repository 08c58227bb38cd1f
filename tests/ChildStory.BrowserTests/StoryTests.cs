using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StoryTests(BrowserApp app)
{
    [Fact]
    public async Task Social_worker_records_the_childs_own_words_filters_the_story_and_amends_the_entry_without_javascript_tricks()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync($"/children/{app.Scenario.Amelia}");
        await page.Locator("#whole-story").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Amelia Clarke", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the child's own words" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What the child told you about, in one line").FillAsync("Wants to live with her nan");
        await page.GetByLabel("The child’s own words, as they said them").FillAsync("\"Nan lets me sleep\"");
        await page.GetByLabel("Yes: I saw it or checked it against records").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the story" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Your entry was added");
        await Assertions.Expect(page.Locator("#story")).ToContainTextAsync("Wants to live with her nan");
        await Assertions.Expect(page.Locator(".app-timeline svg")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("The child's own words (").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("#entries-heading")).ToContainTextAsync("entries match");
        await page.AssertAccessibleAsync();

        await page.Locator("#story").GetByRole(AriaRole.Link, new() { Name = "The child's own words" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Amend this entry" }).ClickAsync();
        await page.GetByLabel("What the child told you about, in one line").FillAsync("Wants to live with her grandmother");
        await page.GetByLabel("Why are you amending this entry?").FillAsync("Grandmother's name checked");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "View the entry" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("Wants to live with her nan");
        await page.AssertAccessibleAsync();
    }
}
