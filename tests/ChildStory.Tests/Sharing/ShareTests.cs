using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Sharing;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Sharing;

public abstract class ShareTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    private async Task<Guid> TeamAsync(string name)
    {
        await using var db = App.CreateContext();
        return await db.Teams.Where(t => t.Name == name).Select(t => t.Id).SingleAsync();
    }

    private static ShareForm Form(string subject = "Amelia seen with older males", Guid[]? agencies = null, Guid[]? teams = null, string[]? emails = null,
        string? basis = "ConsentGiven", string? reason = null, string? urgency = "WithinWorkingDays", int? days = 1, Guid[]? events = null) =>
        new(subject, "Seen getting into a car outside school at 15:20.", basis, reason, urgency, days,
            agencies ?? [], teams ?? [], emails ?? [], events ?? []);

    /// <summary>The child's story entries of these kinds about one share (tests share a database, so each uses its own subject).</summary>
    private async Task<List<ChronologyEvent>> StoryAsync(string subject, params EventType[] types)
    {
        await using var db = App.CreateContext();
        var events = await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == World.Amelia && types.Contains(e.Type)).ToListAsync();
        return events.Where(e => e.Summary.Contains(subject)).ToList();
    }

    [Fact]
    public async Task A_share_sent_late_on_the_Thursday_before_Easter_is_chased_and_escalated_exactly_when_due_and_never_twice()
    {
        await using (var db = App.CreateContext())
        {
            // Priya reports to Morgan; the sender's manager is who the last step reaches.
            var priya = await db.Practitioners.SingleAsync(p => p.Email == World.SocialWorkerEmail);
            priya.SetManager(World.ManagerId);
            await db.SaveChangesAsync();
        }
        var cet = await TeamAsync("Child Exploitation Team");
        App.Clock.Now = Utc(2026, 4, 2, 15, 40); // 16:40 BST, Thursday before Easter
        var sender = await ActorAsync(World.SocialWorkerEmail);
        var sent = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(sender, World.Amelia, Form("Easter share", teams: [cet])));
        Assert.True(sent.Succeeded, sent.Error?.ToString());

        await using (var db = App.CreateContext())
        {
            var r = await db.ShareRecipients.AsNoTracking().SingleAsync(x => x.ShareId == sent.Value);
            Assert.Equal(Utc(2026, 4, 7, 16, 0), r.DueAt);
            Assert.Contains("Good Friday", r.DueExplanation);
            Assert.Contains("Easter Monday", r.DueExplanation);
        }
        Assert.Single(await StoryAsync("Easter share", EventType.InformationShared));

        async Task<ChaseShares.Outcome> ChaseAt(DateTimeOffset at)
        {
            App.Clock.Now = at;
            return await UseAsync(s => s.GetRequiredService<ChaseShares>().RunAsync());
        }
        // A minute before it is due: nothing. At the due time: chased once, however often the chaser runs.
        Assert.Equal(new(0, 0, 0), await ChaseAt(Utc(2026, 4, 7, 15, 59)));
        Assert.Equal(new(1, 0, 0), await ChaseAt(Utc(2026, 4, 7, 16, 0)));
        Assert.Equal(new(0, 0, 0), await ChaseAt(Utc(2026, 4, 7, 16, 30)));
        // One office day later (17:00 BST Wednesday) the recipient's managers; one more (Thursday) the sender's manager.
        Assert.Equal(new(0, 0, 0), await ChaseAt(Utc(2026, 4, 8, 15, 59)));
        Assert.Equal(new(0, 1, 0), await ChaseAt(Utc(2026, 4, 8, 16, 0)));
        Assert.Equal(new(0, 0, 1), await ChaseAt(Utc(2026, 4, 9, 16, 0)));
        Assert.Equal(new(0, 0, 0), await ChaseAt(Utc(2026, 4, 10, 9, 0)));

        Assert.Single(await StoryAsync("Easter share", EventType.ShareChased));
        var escalations = await StoryAsync("Easter share", EventType.ShareEscalated);
        Assert.Equal(2, escalations.Count);
        Assert.Contains(escalations, e => e.Significant && e.Summary.Contains("Morgan Ellis") && e.Summary.Contains("escalation process"));
        await using (var db = App.CreateContext())
        {
            var dan = await db.Practitioners.Where(p => p.Email == World.PoliceEmail).Select(p => p.Id).SingleAsync();
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.PractitionerId == dan && n.Link == $"/shares/{sent.Value}"));
            Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == World.ManagerId && n.Title.StartsWith("Consider escalation")));
            Assert.True(await db.OutgoingEmails.AnyAsync(m => m.To == World.ManagerEmail && m.Subject.Contains("Consider escalation")));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        App.Clock.Now = Utc(2026, 11, 18, 11, 0);
        var sender = await ActorAsync(World.SocialWorkerEmail);
        async Task<Error> Refused(ShareForm form)
        {
            var result = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(sender, World.Amelia, form));
            Assert.False(result.Succeeded);
            return result.Error!;
        }
        int before;
        await using (var db = App.CreateContext()) { before = await db.Shares.CountAsync(); }

        Assert.Contains("Recipients", (await Refused(Form())).Fields.Keys);
        var unknown = Guid.NewGuid();
        Assert.Contains(unknown.ToString(), string.Join(" ", (await Refused(Form(agencies: [unknown]))).Fields["AgencyIds"]));
        Assert.Contains("nobody@nowhere.example", string.Join(" ", (await Refused(Form(emails: ["nobody@nowhere.example"]))).Fields["PractitionerEmails"]));
        var cet = await TeamAsync("Child Exploitation Team");
        Assert.Contains("LawfulBasis", (await Refused(Form(teams: [cet], basis: null))).Fields.Keys);
        Assert.Contains("BasisReason", (await Refused(Form(teams: [cet], basis: "SafeguardingWithoutConsent"))).Fields.Keys);
        Assert.Contains("WithinDays", (await Refused(Form(teams: [cet], days: 0))).Fields.Keys);
        Assert.Contains("EventIds", (await Refused(Form(teams: [cet], events: [Guid.NewGuid()]))).Fields.Keys);

        await using (var db = App.CreateContext())
        {
            Assert.Equal(before, await db.Shares.CountAsync());
        }
        // Someone who cannot see the child cannot share about her either (and is told only "not found").
        var stranger = await ActorAsync(World.PoliceEmail);
        var refused = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(stranger, World.Amelia, Form(teams: [cet])));
        Assert.Equal(ErrorKind.NotFound, refused.Error!.Kind);
    }

    [Fact]
    public async Task Only_a_recipient_can_answer_each_answer_happens_once_and_two_recipients_answering_together_both_count()
    {
        App.Clock.Now = Utc(2026, 11, 18, 11, 0);
        var cet = await TeamAsync("Child Exploitation Team");
        var sender = await ActorAsync(World.SocialWorkerEmail);
        var sent = await UseAsync(s => s.GetRequiredService<SendShare>().RunAsync(sender, World.Amelia,
            Form("Two recipients", teams: [cet], emails: [World.FrontDoorEmail], urgency: "SameWorkingDay")));
        Assert.True(sent.Succeeded, sent.Error?.ToString());
        Guid police, frontDoor;
        await using (var db = App.CreateContext())
        {
            var recipients = await db.ShareRecipients.AsNoTracking().Where(r => r.ShareId == sent.Value).ToListAsync();
            police = recipients.Single(r => r.Kind == RecipientKind.Team).Id;
            frontDoor = recipients.Single(r => r.Kind == RecipientKind.Practitioner).Id;
            Assert.All(recipients, r => Assert.Equal(Utc(2026, 11, 18, 17, 0), r.DueAt));
        }
        var dan = await ActorAsync(World.PoliceEmail);
        var fatima = await ActorAsync(World.FrontDoorEmail);
        var lewis = await ActorAsync(World.OtherTeamEmail);

        var someoneElse = await UseAsync(s => s.GetRequiredService<AcknowledgeShare>().RunAsync(lewis, sent.Value, police));
        Assert.Equal(ErrorKind.Forbidden, someoneElse.Error!.Kind);
        Assert.Contains("Child Exploitation Team", someoneElse.Error.Title);

        // Both recipients at the same moment, each in its own request.
        var both = await Task.WhenAll(
            UseAsync(s => s.GetRequiredService<AcknowledgeShare>().RunAsync(dan, sent.Value, police)),
            UseAsync(s => s.GetRequiredService<AcknowledgeShare>().RunAsync(fatima, sent.Value, frontDoor)));
        Assert.All(both, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        var twice = await UseAsync(s => s.GetRequiredService<AcknowledgeShare>().RunAsync(dan, sent.Value, police));
        Assert.Equal(ErrorKind.Conflict, twice.Error!.Kind);
        Assert.Contains("Dan Reid already acknowledged", twice.Error.Title);

        var noText = await UseAsync(s => s.GetRequiredService<RecordShareAction>().RunAsync(dan, sent.Value, police, " ", noActionNeeded: false));
        Assert.Contains("Action", noText.Error!.Fields.Keys);
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordShareAction>().RunAsync(dan, sent.Value, police, "Added to the exploitation risk review on Friday", false))).Succeeded);
        var again = await UseAsync(s => s.GetRequiredService<RecordShareAction>().RunAsync(dan, sent.Value, police, "Again", false));
        Assert.Equal(ErrorKind.Conflict, again.Error!.Kind);

        await using (var db = App.CreateContext())
        {
            var recipients = await db.ShareRecipients.AsNoTracking().Where(r => r.ShareId == sent.Value).ToListAsync();
            Assert.Equal("Dan Reid", recipients.Single(r => r.Id == police).AcknowledgedByName);
            Assert.Equal("Fatima Begum", recipients.Single(r => r.Id == frontDoor).AcknowledgedByName);
            Assert.Equal(RecipientStatus.Actioned, recipients.Single(r => r.Id == police).Status);
            Assert.Equal(RecipientStatus.Acknowledged, recipients.Single(r => r.Id == frontDoor).Status);
        }
        Assert.Equal(3, (await StoryAsync("Two recipients", EventType.ShareAcknowledged, EventType.ShareActioned)).Count);

        // The inboxes agree: Fatima still has to record an action; Priya waits on her.
        var fatimaInbox = await UseAsync(s => s.GetRequiredService<GetInbox>().RunAsync(fatima));
        Assert.Contains(fatimaInbox.Value.NeedsMyAction, i => i.ShareId == sent.Value && i.Status == RecipientStatus.Acknowledged);
        var priyaInbox = await UseAsync(s => s.GetRequiredService<GetInbox>().RunAsync(sender));
        Assert.Contains(priyaInbox.Value.WaitingOnOthers, i => i.ShareId == sent.Value && i.Counterpart.StartsWith("Fatima Begum"));
        Assert.DoesNotContain(priyaInbox.Value.WaitingOnOthers, i => i.ShareId == sent.Value && i.Counterpart.StartsWith("Child Exploitation Team"));
    }
}

public sealed class ShareOnSqlite(SqliteAppFactory app) : ShareTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class ShareOnPostgres(PostgresAppFactory app) : ShareTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
