using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Meetings;
using ChildStory.Features.Sharing;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.TeamAroundChild;

/// <summary>
/// The team around the child through its pages: a plan without the child's views is flagged, a meeting at short notice
/// needs a reason, the invited police reply and report, the meeting is recorded with an action and lands in the story,
/// the police give notice of withdrawal and are warned they would leave social care alone, social care contests —
/// and a practitioner outside the team is told none of it exists.
/// </summary>
public abstract class TeamPagesTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_team_plans_meets_records_and_contests_a_withdrawal_and_outsiders_see_none_of_it()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0); // Monday
        Guid priyaId, danId, policeInvolvement;
        await using (var db = App.CreateContext())
        {
            var dan = await db.Practitioners.SingleAsync(p => p.Email == World.PoliceEmail);
            priyaId = await db.Practitioners.Where(p => p.Email == World.SocialWorkerEmail).Select(p => p.Id).SingleAsync();
            danId = dan.Id;
            var involvement = new Involvement(Guid.NewGuid(), World.Amelia, dan.AgencyId, dan.TeamId, dan.Id, InvolvementRole.InvestigatingOfficer, new DateOnly(2026, 10, 1));
            db.Involvements.Add(involvement);
            await db.SaveChangesAsync();
            policeInvolvement = involvement.Id;
        }
        var child = World.Amelia;
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        Assert.Contains("Priya Shah", await priya.GetPageAsync($"/children/{child}/team"));

        // A plan: the page says what is missing, field by field; without the child's views it is made but flagged.
        var planPage = $"/children/{child}/plans/new";
        var empty = await (await priya.PostFormAsync(planPage, new() { ["Kind"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Enter the date the plan starts", empty);
        Assert.Contains("Choose the kind of plan", empty);
        var made = await priya.PostFormAsync(planPage, new()
        {
            ["Kind"] = "ChildInNeed",
            ["LeadPractitionerId"] = priyaId.ToString(),
            ["StartedOn"] = "16/11/2026",
            ["NextReviewOn"] = "8/2/2027",
            ["Outcomes[0]"] = "Amelia goes to school every day",
            ["Actions[0].Description"] = "Arrange a mentor",
            ["Actions[0].Owner"] = $"p:{priyaId}",
            ["Actions[0].DueOn"] = "30/11/2026",
            ["Family.ParentsViews"] = "Mother wants help with mornings",
            ["Family.MadeWithFamily"] = "yes",
        });
        var planPath = made.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/plans/", planPath);
        var plan = await made.Content.ReadAsStringAsync();
        Assert.Contains("views are not recorded for this plan", plan);
        Assert.Contains("Arrange a mentor", plan);
        Assert.Contains("Child in need review", await priya.GetPageAsync($"/children/{child}/timescales"));

        // A team around the child meeting tomorrow is short notice: it needs a reason before the invitations go.
        var meetingPage = $"/children/{child}/meetings/new";
        var invite = new Dictionary<string, string>
        {
            ["Type"] = "TeamAroundTheChild",
            ["StartsAt"] = "17/11/2026",
            ["StartsAtTime"] = "10:00",
            ["Format"] = "Video",
            ["Purpose"] = "Plan the mentor",
            ["Invitees"] = $"{(await AgencyOfAsync(danId))}:{danId}",
        };
        var shortNotice = await (await priya.PostFormAsync(meetingPage, invite)).Content.ReadAsStringAsync();
        Assert.Contains("This gives 0 working days of notice", shortNotice);
        invite["ConfirmShortNotice"] = "true";
        invite["ShortNoticeReason"] = "Mentor starts on Wednesday";
        var arranged = await priya.PostFormAsync(meetingPage, invite);
        var meetingPath = arranged.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/meetings/", meetingPath);
        Assert.Contains("Short notice: 5 working days needed", await arranged.Content.ReadAsStringAsync());

        // The invited police reply (apologies need a reason) and send their report.
        var danSession = await WebSession.SignInAsync(App, World.PoliceEmail);
        var invitationId = await InvitationAsync(meetingPath);
        var noReason = await (await danSession.PostFormAsync($"{meetingPath}?handler=Reply&invitationId={invitationId}", new() { ["Reply"] = "Apologies" }, meetingPath)).Content.ReadAsStringAsync();
        Assert.Contains("Say why your agency cannot attend", noReason);
        await danSession.PostFormAsync($"{meetingPath}?handler=Reply&invitationId={invitationId}", new() { ["Reply"] = "Apologies", ["ResponseNote"] = "In court" }, meetingPath);
        var reported = await (await danSession.PostFormAsync($"{meetingPath}?handler=Report&invitationId={invitationId}", new() { ["Report"] = "Two missing episodes in October" }, meetingPath)).Content.ReadAsStringAsync();
        Assert.Contains("Your agency&#x27;s report has been submitted", reported);

        // Priya records it as held, with an action; it lands in the story.
        App.Clock.Now = Utc(2026, 11, 17, 12, 0);
        priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail); // a day later: a new sign-in
        danSession = await WebSession.SignInAsync(App, World.PoliceEmail);
        var held = await priya.PostFormAsync($"{meetingPath}?handler=Held", new()
        {
            ["HeldAt"] = "17/11/2026",
            ["HeldAtTime"] = "10:00",
            ["Chair"] = "Morgan Ellis",
            ["Outcome"] = "PlanContinues",
            ["Decisions"] = "Mentor from Wednesday",
            [$"Attendance[{invitationId}]"] = "SentApologies",
            ["Voice.Words"] = "I want someone to walk to school with",
            ["Voice.Method"] = "ConversationSeenAlone",
            ["Voice.GatheredBy"] = "Priya Shah",
            ["Voice.GatheredOn"] = "16/11/2026",
            ["Actions[0].Description"] = "Share missing episode dates",
            ["Actions[0].Owner"] = $"p:{danId}",
            ["Actions[0].DueOn"] = "20/11/2026",
        }, meetingPath);
        var heldPage = await held.Content.ReadAsStringAsync();
        Assert.Contains("Share missing episode dates", heldPage);
        Assert.Contains("I want someone to walk to school with", heldPage);
        await using (var db = App.CreateContext())
        {
            Assert.True(await db.ChronologyEvents.AnyAsync(e => e.ChildId == child && e.Type == EventType.MeetingHeld && e.Summary.Contains("Apologies: Dan Reid")));
        }

        // Priya attaches the minutes (a renamed program is refused); the invited police can read them.
        var priyaActor = await ActorAsync(World.SocialWorkerEmail);
        var meetingId = Guid.Parse(meetingPath["/meetings/".Length..]);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<MeetingDocuments>();
            var renamed = await documents.AttachAsync(priyaActor, meetingId, [new AttachmentInput("minutes.pdf", "MZ\u0090\u0000"u8.ToArray())]);
            Assert.Contains("does not contain what its name says", renamed.Error!.Fields["Attachments"][0]);
            Assert.True((await documents.AttachAsync(priyaActor, meetingId, [new AttachmentInput("minutes.pdf", "%PDF-1.4 minutes of the meeting"u8.ToArray())])).Succeeded);
        }
        Guid documentId;
        await using (var db = App.CreateContext())
        {
            documentId = await db.MeetingDocuments.Where(d => d.MeetingId == meetingId).Select(d => d.Id).SingleAsync();
        }
        var minutesUrl = $"{meetingPath}?handler=Document&documentId={documentId}";
        Assert.StartsWith("%PDF-1.4", await danSession.GetPageAsync(minutesUrl));

        // An unsuccessful visit is recorded but does not count as seeing Amelia.
        var visit = await priya.PostFormAsync($"/children/{child}/visits/new", new()
        {
            ["Place"] = "Home",
            ["OccurredAt"] = "17/11/2026",
            ["OccurredAtTime"] = "11:00",
            ["Planned"] = "yes",
            ["Successful"] = "no",
            ["ChildSeen"] = "no",
            ["Summary"] = "No reply",
        });
        var record = await visit.Content.ReadAsStringAsync();
        Assert.Contains("Visit recorded", record);
        Assert.Contains("No agency has recorded seeing this child", record);

        // The police give notice; they would leave social care alone with a child on a plan, so they must confirm first.
        var withdrawPage = $"/children/{child}/team/{policeInvolvement}/withdraw";
        var withdrawal = new Dictionary<string, string>
        {
            ["Reason"] = "Investigation closed",
            ["Risk"] = "Medium",
            ["RiskAssessment"] = "Missing episodes may go unreported",
            ["Route"] = "NoticeToTeam",
        };
        var warned = await (await danSession.PostFormAsync(withdrawPage, withdrawal)).Content.ReadAsStringAsync();
        Assert.Contains("This would leave Westmere Children&#x27;s Services as the only agency", warned);
        await using (var db = App.CreateContext())
        {
            Assert.False(await db.Withdrawals.AnyAsync(w => w.ChildId == child));
        }
        withdrawal["ConfirmLastAgency"] = "true";
        var proposed = await danSession.PostFormAsync(withdrawPage, withdrawal);
        var withdrawalPath = proposed.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/withdrawals/", withdrawalPath);
        var contested = await (await priya.PostFormAsync($"{withdrawalPath}?handler=Contest", new() { ["ContestReason"] = "Police hold the missing-episode picture" }, withdrawalPath))
            .Content.ReadAsStringAsync();
        Assert.Contains("Contested: a multi-agency meeting must decide", contested);

        // The North team's page shows the contested withdrawal and that no one has seen Amelia.
        var team = await priya.GetPageAsync("/team");
        Assert.Contains("North Locality Team", team);
        Assert.Contains("Amelia Clarke: Westmere Police", team);
        Assert.Contains("no record of being seen", team);

        // Lewis works in another team: every page about Amelia's team, plans, meetings and clocks is "not found".
        var lewis = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        var actionId = await ActionAsync(child);
        foreach (var url in new[]
        {
            $"/children/{child}/team", withdrawPage, $"/children/{child}/plans", $"/children/{child}/plans/new", planPath, $"/children/{child}/meetings",
            $"/children/{child}/meetings/new", meetingPath, $"/children/{child}/timescales", $"/children/{child}/visits/new", withdrawalPath, $"/actions/{actionId}",
            minutesUrl,
        })
        {
            await lewis.GetPageAsync(url, HttpStatusCode.NotFound);
        }
        var refused = await lewis.PostFormAsync($"/children/{child}/visits/new", new() { ["Place"] = "Home" }, "/children");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var refusedPlan = await lewis.PostFormAsync($"{planPath}?handler=Outcome", new() { ["OutcomeText"] = "Not mine" }, "/children");
        Assert.Equal(HttpStatusCode.NotFound, refusedPlan.StatusCode);
        Assert.DoesNotContain("Amelia", await lewis.GetPageAsync("/team"));
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    private async Task<Guid> AgencyOfAsync(Guid practitionerId)
    {
        await using var db = App.CreateContext();
        return await db.Practitioners.Where(p => p.Id == practitionerId).Select(p => p.AgencyId).SingleAsync();
    }

    private async Task<Guid> InvitationAsync(string meetingPath)
    {
        await using var db = App.CreateContext();
        var meetingId = Guid.Parse(meetingPath["/meetings/".Length..]);
        return await db.MeetingInvitations.Where(i => i.MeetingId == meetingId).Select(i => i.Id).SingleAsync();
    }

    private async Task<Guid> ActionAsync(Guid child)
    {
        await using var db = App.CreateContext();
        return await db.AgreedActions.Where(a => a.ChildId == child && a.Status == ActionStatus.Open).Select(a => a.Id).FirstAsync();
    }
}

public sealed class TeamPagesOnSqlite(SqliteAppFactory app) : TeamPagesTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class TeamPagesOnPostgres(PostgresAppFactory app) : TeamPagesTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
