using ChildStory.Data;
using ChildStory.Domain.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FollowThroughTests(BrowserApp app)
{
    [Fact]
    public async Task A_share_is_sent_from_the_record_acknowledged_from_the_inbox_and_a_referral_is_made_with_every_page_accessible()
    {
        var priya = await app.NewPageAsync();
        await priya.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await priya.GotoAsync($"/children/{app.Scenario.Amelia}");
        await priya.GetByRole(AriaRole.Link, new() { Name = "Share information", Exact = true }).ClickAsync();
        await Assertions.Expect(priya.GetByRole(AriaRole.Heading, new() { Name = "Share information", Level = 1 })).ToBeVisibleAsync();
        await priya.AssertAccessibleAsync();

        await priya.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(priya.Locator(".govuk-error-summary")).ToContainTextAsync("Select the lawful basis for sharing");
        await priya.AssertAccessibleAsync();

        await priya.GetByLabel("Subject").FillAsync("Seen with older males after school");
        await priya.GetByLabel("What you are sharing").FillAsync("Amelia was seen getting into a blue car outside school at 15:20.");
        await priya.GetByLabel("A team").SelectOptionAsync(new SelectOptionValue { Label = "Child Exploitation Team" });
        await priya.GetByLabel("Consent given by the child or family").CheckAsync();
        await priya.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(priya.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Shared");
        await Assertions.Expect(priya.Locator("table")).ToContainTextAsync("Child Exploitation Team");
        await priya.AssertAccessibleAsync();

        var dan = await app.NewPageAsync();
        await dan.SignInAsync(app.Scenario.PoliceEmail, Scenario.Password);
        await dan.GotoAsync("/inbox");
        await dan.AssertAccessibleAsync();
        await dan.GetByRole(AriaRole.Link, new() { Name = "Seen with older males after school" }).First.ClickAsync();
        await dan.GetByRole(AriaRole.Button, new() { Name = "Acknowledge receipt" }).ClickAsync();
        await Assertions.Expect(dan.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Acknowledged");
        await dan.AssertAccessibleAsync();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            if (!await db.ReferralServices.AnyAsync(s => s.Name == "Young people's drug and alcohol service"))
            {
                var team = await db.Teams.SingleAsync(t => t.Name == "Child Exploitation Team");
                db.ReferralServices.Add(new ReferralService(Guid.NewGuid(), "Young people's drug and alcohol service", ServiceKind.DrugAndAlcohol, team.AgencyId, team.Id, new ServiceTargets(1, 3, 5, 5, 24)));
                await db.SaveChangesAsync();
            }
        }
        await priya.GotoAsync($"/children/{app.Scenario.Amelia}/referrals");
        await priya.AssertAccessibleAsync();
        await priya.GetByLabel("Service", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Young people's drug and alcohol service" });
        await priya.GetByLabel("Why you are referring, and what you are asking the service to do").FillAsync("Using cannabis daily; says he wants to stop");
        await priya.GetByLabel("Critical moment: the child says they are ready to engage now").CheckAsync();
        await priya.GetByLabel("What the child said or did (for a critical moment)").FillAsync("Asked me today to find someone to help him stop");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Assertions.Expect(priya.Locator(".govuk-inset-text")).ToContainTextAsync("Critical moment");
        await priya.AssertAccessibleAsync();
        await priya.GotoAsync("/services");
        await priya.AssertAccessibleAsync();
    }
}
