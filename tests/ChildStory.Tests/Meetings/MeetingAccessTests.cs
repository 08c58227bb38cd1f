using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.Meetings;
using ChildStory.Features.Sharing;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildStory.Tests.TeamAroundChild.Partnership;

namespace ChildStory.Tests.Meetings;

/// <summary>
/// Issue 15, finding 3: a meeting is opened by invitation, not by agency. A social worker in another team of the same
/// agency as an invitee is told the meeting does not exist, and cannot answer, report on or download anything of it.
/// </summary>
public abstract class MeetingAccessTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private Partnership Parties => new(App);

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    private async Task<Guid> InvitationAsync(Guid meetingId, Guid practitionerId)
    {
        await using var db = App.CreateContext();
        return await db.MeetingInvitations.Where(i => i.MeetingId == meetingId && i.PractitionerId == practitionerId).Select(i => i.Id).SingleAsync();
    }

    /// <summary>Priya's child, with a school whose safeguarding lead reports to the headteacher; a conference inviting Priya and the lead.</summary>
    private async Task<(Actor Priya, Actor Dsl, Actor Head, Guid Child, Guid Meeting)> ConferenceAsync()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0); // Monday
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var school = await Parties.AgencyAsync("Hillside School", AgencyKind.School);
        var head = await Parties.WorkerAsync(school, "Hana", "Head");
        var dsl = await Parties.WorkerAsync(school, "Dee", "Lead", head.PractitionerId);
        var child = await Parties.ChildAsync("Conf");
        await Parties.InvolveAsync(child, priya, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, dsl, InvolvementRole.DesignatedSafeguardingLead);
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
            Meeting(MeetingType.InitialChildProtectionConference, Utc(2026, 12, 7, 10, 0),
                [new Invitee(priya.AgencyId!.Value, priya.PractitionerId), new Invitee(school.AgencyId, dsl.PractitionerId)])));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        var schoolInvitation = await InvitationAsync(meeting.Value, dsl.PractitionerId!.Value);
        var report = await UseAsync(s => s.GetRequiredService<AnswerInvitation>().SubmitReportAsync(dsl, schoolInvitation, "Bruising seen on Monday; attendance 81% this term"));
        Assert.True(report.Succeeded, report.Error?.ToString());
        return (priya, dsl, head, child, meeting.Value);
    }

    private async Task<Guid> MinutesAsync(Actor priya, Guid meeting)
    {
        await using var db = App.CreateContext();
        var arranged = await db.Meetings.AsNoTracking().Where(m => m.Id == meeting).Select(m => new { m.StartsAt, m.Type }).SingleAsync();
        App.Clock.Now = arranged.StartsAt.AddHours(2);
        var held = await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(priya, meeting, Held(arranged.StartsAt, RecordMeeting.Allowed(arranged.Type)[^1])));
        Assert.True(held.Succeeded, held.Error?.ToString());
        var attached = await UseAsync(s => s.GetRequiredService<MeetingDocuments>().AttachAsync(priya, meeting, [new AttachmentInput("minutes.pdf", "%PDF-1.4 conference minutes"u8.ToArray())]));
        Assert.True(attached.Succeeded, attached.Error?.ToString());
        return await db.MeetingDocuments.Where(d => d.MeetingId == meeting).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task A_social_worker_in_another_team_is_told_a_colleagues_conference_does_not_exist_and_cannot_answer_report_or_download()
    {
        var (priya, _, _, child, meeting) = await ConferenceAsync();
        var lewis = await ActorAsync(World.OtherTeamEmail);
        var priyasInvitation = await InvitationAsync(meeting, priya.PractitionerId!.Value);

        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(lewis, meeting))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<AnswerInvitation>().ReplyAsync(lewis, priyasInvitation, InvitationResponse.Accepted, null))).Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<AnswerInvitation>().SubmitReportAsync(lewis, priyasInvitation, "Not mine to write"))).Error!.Kind);

        var session = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        var page = await session.GetPageAsync($"/meetings/{meeting}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Bruising", page);
        var posted = await session.PostFormAsync($"/meetings/{meeting}?handler=Report&invitationId={priyasInvitation}", new() { ["Report"] = "Not mine to write" }, "/children");
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var replied = await session.PostFormAsync($"/meetings/{meeting}?handler=Reply&invitationId={priyasInvitation}", new() { ["Reply"] = "Accepted" }, "/children");
        Assert.Equal(HttpStatusCode.NotFound, replied.StatusCode);
        await using (var db = App.CreateContext())
        {
            var invitation = await db.MeetingInvitations.AsNoTracking().SingleAsync(i => i.Id == priyasInvitation);
            Assert.Equal((InvitationResponse.Invited, null), (invitation.Response, invitation.Report));
        }

        var document = await MinutesAsync(priya, meeting);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingDocuments>().DownloadAsync(lewis, meeting, document))).Error!.Kind);
        session = await WebSession.SignInAsync(App, World.OtherTeamEmail);
        await session.GetPageAsync($"/meetings/{meeting}?handler=Document&documentId={document}", HttpStatusCode.NotFound);
        await using (var db = App.CreateContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == child && a.Action == AuditActions.ChildAccessDenied));
            Assert.False(await db.AuditEntries.AnyAsync(a => a.ChildId == child && a.Action == AuditActions.MeetingDocumentDownloaded));
        }
    }

    [Fact]
    public async Task The_person_invited_a_member_of_the_team_invited_and_the_manager_of_either_open_and_answer_it_and_colleagues_do_not()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var child = await Parties.ChildAsync("Party");
        await Parties.InvolveAsync(child, priya, InvolvementRole.AllocatedSocialWorker, lead: true);
        // A school and a youth service that do not work with the child: they know of it only through the invitations.
        var school = await Parties.AgencyAsync("Hillside School", AgencyKind.School);
        var head = await Parties.WorkerAsync(school, "Hana", "Head");
        var dsl = await Parties.WorkerAsync(school, "Dee", "Lead", head.PractitionerId);
        var teacher = await Parties.WorkerAsync(school, "Tom", "Teacher", head.PractitionerId);
        var youth = await Parties.AgencyAsync("Youth service", AgencyKind.VoluntarySector);
        var leads = await Parties.TeamAsync(youth, "Managers");
        var manager = await Parties.WorkerAsync(leads, "Mo", "Manager");
        var worker = await Parties.WorkerAsync(youth, "Wyn", "Worker", manager.PractitionerId);
        var member = await Parties.WorkerAsync(youth, "Max", "Member");
        var elsewhere = await Parties.WorkerAsync(await Parties.TeamAsync(youth, "Detached"), "Ed", "Elsewhere");
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
            Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 11, 30, 10, 0), [new Invitee(school.AgencyId, dsl.PractitionerId), new Invitee(youth.AgencyId, null, youth.TeamId)])));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        Guid schoolInvitation, youthInvitation;
        await using (var db = App.CreateContext())
        {
            schoolInvitation = await db.MeetingInvitations.Where(i => i.MeetingId == meeting.Value && i.PractitionerId == dsl.PractitionerId).Select(i => i.Id).SingleAsync();
            youthInvitation = await db.MeetingInvitations.Where(i => i.MeetingId == meeting.Value && i.TeamId == youth.TeamId).Select(i => i.Id).SingleAsync();
            // The team's members are told; nobody else in the agency is.
            Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == member.PractitionerId && n.Link == $"/meetings/{meeting.Value}"));
            Assert.False(await db.Notifications.AnyAsync(n => n.PractitionerId == elsewhere.PractitionerId));
        }

        foreach (var (actor, mine) in new[] { (dsl, schoolInvitation), (head, schoolInvitation), (worker, youthInvitation), (member, youthInvitation), (manager, youthInvitation) })
        {
            Assert.Equal(AccessBasis.Party, await UseAsync(s => s.GetRequiredService<MeetingAccess>().BasisAsync(actor, meeting.Value, default)));
            var view = await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(actor, meeting.Value));
            Assert.True(view.Succeeded, $"{actor.Name}: {view.Error}");
            Assert.Equal([mine], view.Value.MyInvitationIds);
            Assert.Equal((false, false), (view.Value.ChildOpen, view.Value.CanRecord));
            // A party to the meeting is not a party to the child's record.
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().ForChildAsync(actor, child))).Error!.Kind);
        }
        foreach (var stranger in new[] { teacher, elsewhere })
        {
            Assert.Equal(AccessBasis.None, await UseAsync(s => s.GetRequiredService<MeetingAccess>().BasisAsync(stranger, meeting.Value, default)));
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(stranger, meeting.Value))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<AnswerInvitation>().ReplyAsync(stranger, schoolInvitation, InvitationResponse.Accepted, null))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<AnswerInvitation>().SubmitReportAsync(stranger, youthInvitation, "Not ours"))).Error!.Kind);
        }

        // The headteacher answers for the lead while she is away; the youth manager sends the team's report; neither answers the other's.
        var answer = (Func<Actor, Guid, Task<Result<bool>>>)((a, i) => UseAsync(s => s.GetRequiredService<AnswerInvitation>().ReplyAsync(a, i, InvitationResponse.Apologies, "On a course; report to follow")));
        Assert.True((await answer(head, schoolInvitation)).Succeeded);
        Assert.True((await UseAsync(s => s.GetRequiredService<AnswerInvitation>().SubmitReportAsync(manager, youthInvitation, "Attends the Friday session"))).Succeeded);
        Assert.True((await UseAsync(s => s.GetRequiredService<AnswerInvitation>().ReplyAsync(member, youthInvitation, InvitationResponse.Accepted, null))).Succeeded);
        Assert.Equal(ErrorKind.Forbidden, (await answer(head, youthInvitation)).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await answer(worker, schoolInvitation)).Error!.Kind);
        // Reports are shared with everyone invited: the school reads the youth service's.
        Assert.Contains((await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(dsl, meeting.Value))).Value.Invitations, i => i.Report == "Attends the Friday session");

        var document = await MinutesAsync(priya, meeting.Value);
        foreach (var party in new[] { head, member, manager })
        {
            Assert.True((await UseAsync(s => s.GetRequiredService<MeetingDocuments>().DownloadAsync(party, meeting.Value, document))).Succeeded);
        }
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingDocuments>().DownloadAsync(teacher, meeting.Value, document))).Error!.Kind);
    }

    [Fact]
    public async Task A_member_of_an_invited_team_reads_the_meeting_page_without_a_way_into_the_childs_record()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var dan = await ActorAsync(World.PoliceEmail);
        var child = await Parties.ChildAsync("Page");
        await Parties.InvolveAsync(child, priya, InvolvementRole.AllocatedSocialWorker, lead: true);
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
            Meeting(MeetingType.StrategyDiscussion, Utc(2026, 11, 17, 10, 0), [new Invitee(dan.AgencyId!.Value, null, dan.TeamId)], true, "Found in a car last night")));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());

        var session = await WebSession.SignInAsync(App, World.PoliceEmail);
        var page = await session.GetPageAsync($"/meetings/{meeting.Value}");
        Assert.Contains("Strategy discussion", page);
        Assert.Contains("Reply for Child Exploitation Team, Westmere Police", page);
        Assert.DoesNotContain($"/children/{child}", page);
        await session.GetPageAsync($"/children/{child}/meetings", HttpStatusCode.NotFound);
        var invitation = await InvitationOfTeamAsync(meeting.Value, dan.TeamId!.Value);
        var replied = await session.PostFormAsync($"/meetings/{meeting.Value}?handler=Reply&invitationId={invitation}", new() { ["Reply"] = "Accepted" }, $"/meetings/{meeting.Value}");
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        await using var db = App.CreateContext();
        Assert.Equal(InvitationResponse.Accepted, (await db.MeetingInvitations.AsNoTracking().SingleAsync(i => i.Id == invitation)).Response);
    }

    [Fact]
    public async Task An_agency_invited_without_a_name_is_addressed_to_its_people_with_the_child_or_its_front_door_and_never_to_every_member()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var priya = await ActorAsync(World.SocialWorkerEmail);
        var child = await Parties.ChildAsync("Addressed");
        await Parties.InvolveAsync(child, priya, InvolvementRole.AllocatedSocialWorker, lead: true);
        var school = await Parties.AgencyAsync("Hillside School", AgencyKind.School);
        var dsl = await Parties.WorkerAsync(school, "Dee", "Lead");
        await Parties.WorkerAsync(school, "Tom", "Teacher");
        await Parties.InvolveAsync(child, dsl, InvolvementRole.DesignatedSafeguardingLead);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        Guid frontDoor;
        await using (var db = App.CreateContext())
        {
            var team = new Team(Guid.NewGuid(), police.AgencyId, "Police front door " + Guid.NewGuid().ToString("N")[..6], TeamFunction.FrontDoor);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            frontDoor = team.Id;
        }
        var health = await Parties.AgencyAsync("Health", AgencyKind.AcuteHospital);
        await Parties.TeamAsync(health, "Second team");

        var unclear = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
            Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 11, 30, 10, 0), [new Invitee(health.AgencyId, null)])));
        Assert.Equal(["Invitees"], unclear.Error!.Fields.Keys);
        Assert.Contains("has no front door", unclear.Error.Fields["Invitees"][0]);

        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
            Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 11, 30, 10, 0), [new Invitee(school.AgencyId, null), new Invitee(police.AgencyId, null)])));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        await using (var db = App.CreateContext())
        {
            var invitations = await db.MeetingInvitations.AsNoTracking().Where(i => i.MeetingId == meeting.Value).OrderBy(i => i.InviteeName).ToListAsync();
            Assert.Equal(2, invitations.Count);
            var toSchool = invitations.Single(i => i.AgencyId == school.AgencyId);
            Assert.Equal((dsl.PractitionerId, (Guid?)null), (toSchool.PractitionerId, toSchool.TeamId)); // the school's person with the child
            var toPolice = invitations.Single(i => i.AgencyId == police.AgencyId);
            Assert.Equal(((Guid?)null, (Guid?)frontDoor), (toPolice.PractitionerId, toPolice.TeamId)); // not involved: its front door
        }
    }

    private async Task<Guid> InvitationOfTeamAsync(Guid meetingId, Guid teamId)
    {
        await using var db = App.CreateContext();
        return await db.MeetingInvitations.Where(i => i.MeetingId == meetingId && i.TeamId == teamId).Select(i => i.Id).SingleAsync();
    }
}

public sealed class MeetingAccessOnSqlite(SqliteAppFactory app) : MeetingAccessTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class MeetingAccessOnPostgres(PostgresAppFactory app) : MeetingAccessTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
