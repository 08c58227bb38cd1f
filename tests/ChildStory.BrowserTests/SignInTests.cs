using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserApp app)
{
    [Fact]
    public async Task Manager_sets_up_an_authenticator_at_first_sign_in_then_needs_a_code_to_sign_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.AssertAccessibleAsync();

        await page.SignInAsync(app.Scenario.ManagerEmail, Scenario.Password);
        // The manager's role requires a second factor: every page leads to setting one up.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/manage/authenticator$"));
        await page.GotoAsync("/children");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/manage/authenticator$"));
        await page.AssertAccessibleAsync();

        var key = await page.Locator("#authenticator-key").GetAttributeAsync("data-key");
        Assert.False(string.IsNullOrEmpty(key));
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The code is not right");

        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in$"));

        await page.SignInAsync(app.Scenario.ManagerEmail, Scenario.Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await page.AssertAccessibleAsync();
        // The code that turned two-step sign-in on cannot sign in: a phone shows the next step's code 30 seconds later.
        await page.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(Totp.Code(key!, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My work" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_summary_without_saying_whether_the_account_exists()
    {
        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, "not-the-password");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The email address or password is not right");
        await page.AssertAccessibleAsync();
        await page.SignInAsync("nobody@nowhere.example", "not-the-password");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The email address or password is not right");
    }
}
