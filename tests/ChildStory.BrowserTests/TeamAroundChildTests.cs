using ChildStory.Data;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TeamAroundChildTests(BrowserApp app)
{
    [Fact]
    public async Task The_team_makes_a_plan_arranges_a_meeting_at_short_notice_records_a_visit_and_is_warned_when_the_police_withdraw_on_accessible_pages()
    {
        // A child of his own, so the shared scenario's children are left as other tests expect them.
        Guid child, policeInvolvement;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var priya = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.SocialWorkerEmail);
            var officer = await db.Practitioners.SingleAsync(p => p.Email == app.Scenario.PoliceEmail);
            var jordan = new Person(Guid.NewGuid(), "Jordan", "Hale", new DateOnly(2011, 7, 9), Gender.Male, isChild: true);
            db.People.Add(jordan);
            var social = new Involvement(Guid.NewGuid(), jordan.Id, priya.AgencyId, priya.TeamId, priya.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 5));
            social.MakeLeadProfessional();
            var police = new Involvement(Guid.NewGuid(), jordan.Id, officer.AgencyId, officer.TeamId, officer.Id, InvolvementRole.InvestigatingOfficer, new DateOnly(2026, 3, 1));
            db.Involvements.AddRange(social, police);
            await db.SaveChangesAsync();
            child = jordan.Id;
            policeInvolvement = police.Id;
        }
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), london).DateTime);

        var page = await app.NewPageAsync();
        await page.SignInAsync(app.Scenario.SocialWorkerEmail, Scenario.Password);
        await page.GotoAsync($"/children/{child}");
        await Assertions.Expect(page.Locator("#at-a-glance")).ToContainTextAsync("No agency has recorded seeing this child");
        await page.AssertAccessibleAsync();
        await page.Locator("#at-a-glance").GetByRole(AriaRole.Link, new() { Name = "Team around the child" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Team around the child", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // A plan: errors first, then made without the child's views, which is flagged.
        await page.GotoAsync($"/children/{child}/plans/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the kind of plan");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Kind of plan").SelectOptionAsync(new SelectOptionValue { Label = "Child in need plan" });
        await page.GetByLabel("Who leads the plan").SelectOptionAsync(new SelectOptionValue { Label = "Priya Shah, Westmere Children's Services" });
        await page.GetByLabel("Starts on").FillAsync(today.ToString("d/M/yyyy"));
        await page.GetByLabel("First review by").FillAsync(today.AddDays(84).ToString("d/M/yyyy"));
        await page.GetByLabel("Outcome 1", new() { Exact = true }).FillAsync("Jordan feels safe walking home");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Plan made");
        await Assertions.Expect(page.Locator(".govuk-warning-text").First).ToContainTextAsync("views are not recorded");
        await page.AssertAccessibleAsync();

        // A team around the child meeting tomorrow is short notice: it asks why before the invitations go.
        await page.GotoAsync($"/children/{child}/meetings/new");
        await page.GetByLabel("Kind of meeting").SelectOptionAsync(new SelectOptionValue { Index = 6 });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(today.AddDays(1).ToString("d/M/yyyy"));
        await page.GetByLabel("Start time").FillAsync("10:00");
        await page.GetByLabel("By video", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a later date, or confirm and say why it cannot wait");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("It cannot wait: go ahead at short notice").CheckAsync();
        await page.GetByLabel("Why it cannot wait").FillAsync("He was found in a car with two adults last night");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitations" }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitations")).ToContainTextAsync("Short notice");
        await page.AssertAccessibleAsync();

        // A visit; the page explains what is missing, then the record shows him seen.
        await page.GotoAsync($"/children/{child}/visits/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether the child was seen");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Home visit").CheckAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(today.ToString("d/M/yyyy"));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("00:01");
        await page.Locator("#Planned").CheckAsync();
        await page.Locator("#Successful").CheckAsync();
        await page.Locator("#ChildSeen").CheckAsync();
        await page.Locator("#ChildSeenAlone").CheckAsync();
        await page.Locator("#BedroomSeen-1").CheckAsync();
        await page.GetByLabel("What happened").FillAsync("Talked about the car; he agreed to a safety plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page.Locator("#at-a-glance")).ToContainTextAsync("By anyone");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/children/{child}/timescales");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Child in need review");
        await page.AssertAccessibleAsync();
        await page.GotoAsync("/team");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "North Locality Team", Level = 1 })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // The police would leave social care alone with a child on a plan: they are warned and must confirm.
        var dan = await app.NewPageAsync();
        await dan.SignInAsync(app.Scenario.PoliceEmail, Scenario.Password);
        await dan.GotoAsync($"/children/{child}/team/{policeInvolvement}/withdraw");
        await dan.AssertAccessibleAsync();
        await dan.GetByLabel("Why is your agency ending its involvement?").FillAsync("Investigation closed: no further action");
        await dan.GetByLabel("Medium").CheckAsync();
        await dan.GetByLabel("Risk assessment of the withdrawal").FillAsync("Missing episodes may go unreported to social care");
        await dan.GetByLabel("Give notice to the team").CheckAsync();
        await dan.GetByRole(AriaRole.Button, new() { Name = "Propose ending the involvement" }).ClickAsync();
        await Assertions.Expect(dan.Locator(".govuk-error-summary")).ToContainTextAsync("as the only agency working with this child");
        await dan.AssertAccessibleAsync();
        await dan.GetByLabel("I have considered this warning").CheckAsync();
        await dan.GetByRole(AriaRole.Button, new() { Name = "Propose ending the involvement" }).ClickAsync();
        await Assertions.Expect(dan.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Westmere Police");
        await Assertions.Expect(dan.Locator("main")).ToContainTextAsync("Under notice until");
        await dan.AssertAccessibleAsync();
    }
}
