using ChildStory.Data;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class EscalationTests(BrowserApp app)
{
    [Fact]
    public async Task A_social_worker_is_shown_the_urgent_route_then_raises_and_moves_up_a_difference_that_the_police_answer_on_accessible_pages()
    {
        Guid child;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var priya = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.SocialWorkerEmail);
            var riley = new Person(Guid.NewGuid(), "Riley", "Moss", new DateOnly(2010, 4, 2), Gender.Female, isChild: true);
            db.People.Add(riley);
            db.Involvements.Add(new Involvement(Guid.NewGuid(), riley.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5)));
            await db.SaveChangesAsync();
            child = riley.Id;
        }

        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync($"/children/{child}");
        await page.Locator("#at-a-glance").GetByRole(AriaRole.Link, new() { Name = "Professional differences (escalation)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Professional differences", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The first question: unanswered is an error; "yes" stops the form and shows the urgent route.
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise a professional difference" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("immediate risk");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#urgent-route")).ToContainTextAsync("Nothing has been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Arrange a strategy discussion now" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // "No": the form, its errors, then the difference.
        await page.GotoAsync($"/children/{child}/differences/new");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the difference" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the agency the difference is with");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What decision, action or inaction do you disagree with?").FillAsync("No police report after Riley witnessed a stabbing");
        await page.GetByLabel("Which agency is it with?").SelectOptionAsync(new SelectOptionValue { Label = "Westmere Police" });
        await page.GetByLabel("Why does it matter for the child?").FillAsync("Nobody has assessed the harm to her");
        await page.GetByLabel("What outcome are you seeking?").FillAsync("A police report today");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the difference" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Westmere Children's Services with Westmere Police" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        var differenceUrl = page.Url;

        // Moving up early needs a reason.
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up early" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("say why it cannot wait");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Why can this not wait?").FillAsync("She is being targeted again this week");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move up early" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Moved to the next stage");
        await page.AssertAccessibleAsync();

        // The police, outside Riley's team, find it awaiting their agency and read it (stage 2 is for their managers).
        var police = await app.NewPageAsync();
        await police.SignInAsync(app.Scenario.PoliceEmail, Scenario.Password);
        await police.GotoAsync("/differences");
        await Assertions.Expect(police.GetByRole(AriaRole.Heading, new() { Name = "Professional differences", Level = 1 })).ToBeVisibleAsync();
        await police.AssertAccessibleAsync();
        await police.GotoAsync(differenceUrl);
        await Assertions.Expect(police.GetByRole(AriaRole.Heading, new() { Name = "Stage 2: Manager to manager" })).ToBeVisibleAsync();
        await police.AssertAccessibleAsync();
        var record = await police.GotoAsync($"/children/{child}");
        Assert.Equal(404, record!.Status);

        // The team's manager sees what is stuck, and the partnership's learning with its charts.
        var key = await Scenario.EnableTwoFactorAsync(app.Services, app.Scenario.ManagerEmail);
        var manager = await app.NewPageAsync();
        await manager.SignInAsync(app.Scenario.ManagerEmail, Scenario.Password);
        await manager.GetByLabel("Enter the 6-digit code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await manager.GotoAsync("/team");
        await Assertions.Expect(manager.Locator("#stuck")).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
        await manager.GotoAsync("/partnership/differences");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Escalation: learning for the partnership" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("svg.app-bar-chart").First).ToBeVisibleAsync();
        await manager.AssertAccessibleAsync();
    }
}
