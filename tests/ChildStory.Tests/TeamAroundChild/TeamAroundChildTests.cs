using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using ChildStory.Features.Visits;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChildStory.Tests.TeamAroundChild.Partnership;

namespace ChildStory.Tests.TeamAroundChild;

/// <summary>The team around the child: the withdrawal protocol, the one lead professional, hand-overs, need to know and the team's page.</summary>
public abstract class TeamAroundChildTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private Partnership Parties => new(App);

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

    private Task<Result<Guid>> ProposeAsync(Actor actor, Guid involvementId, WithdrawalForm form) =>
        UseAsync(s => s.GetRequiredService<ProposeWithdrawal>().RunAsync(actor, involvementId, form));

    private async Task<Withdrawal> WithdrawalAsync(Guid id)
    {
        await using var db = App.CreateContext();
        return await db.Withdrawals.AsNoTracking().SingleAsync(w => w.Id == id);
    }

    private async Task<Involvement> InvolvementAsync(Guid id)
    {
        await using var db = App.CreateContext();
        return await db.Involvements.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private static readonly WithdrawalForm ByNotice = new("The child's health needs are now met by the GP", WithdrawalRisk.Low,
        "Low: the GP and school stay involved and will notice if things get worse", WithdrawalRoute.NoticeToTeam, null, false);

    private static IEnumerable<string> Keys(Error? error) => error!.Fields.Keys.Order();

    [Fact]
    public async Task A_notice_of_withdrawal_names_what_is_missing_tells_the_team_and_a_contest_within_the_notice_keeps_the_involvement()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0); // Monday
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var nursing = await Parties.AgencyAsync("School nursing", AgencyKind.SchoolNursing);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var sw = await Parties.WorkerAsync(csc, "Sian", "Walker");
        var nurse = await Parties.WorkerAsync(nursing, "Nia", "Hughes");
        var officer = await Parties.WorkerAsync(police, "Owen", "Price");
        var child = await Parties.ChildAsync("Noor");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        var nurseInvolvement = await Parties.InvolveAsync(child, nurse, InvolvementRole.SchoolNurse);
        await Parties.InvolveAsync(child, officer, InvolvementRole.InvestigatingOfficer);

        // Every missing part is named; the meeting route needs a meeting; only the agency itself may propose.
        var empty = await ProposeAsync(nurse, nurseInvolvement, new WithdrawalForm(" ", null, "", null, null, false));
        Assert.Equal(ErrorKind.Validation, empty.Error!.Kind);
        Assert.Equal(["Reason", "Risk", "RiskAssessment", "Route"], Keys(empty.Error));
        var noMeeting = await ProposeAsync(nurse, nurseInvolvement, ByNotice with { Route = WithdrawalRoute.MeetingDecision });
        Assert.Equal(["MeetingId"], Keys(noMeeting.Error));
        Assert.Equal(ErrorKind.Forbidden, (await ProposeAsync(officer, nurseInvolvement, ByNotice)).Error!.Kind);

        var proposed = await ProposeAsync(nurse, nurseInvolvement, ByNotice);
        Assert.True(proposed.Succeeded, proposed.Error?.ToString());
        var withdrawal = await WithdrawalAsync(proposed.Value);
        Assert.Equal(WithdrawalStatus.UnderNotice, withdrawal.Status);
        Assert.Equal(WithdrawalRoute.NoticeToTeam, withdrawal.Route);
        Assert.False(withdrawal.LeavesOneAgency);
        // Five working days from Monday 16 November 10:00: Tue, Wed, Thu, Fri, Mon — close of office hours on Monday 23 November (GMT).
        Assert.Equal(Utc(2026, 11, 23, 17, 0), withdrawal.NoticeEndsAt);
        Assert.Equal(ErrorKind.Conflict, (await ProposeAsync(nurse, nurseInvolvement, ByNotice)).Error!.Kind);

        // The rest of the team is told; the withdrawing agency is not.
        await using (var db = App.CreateContext())
        {
            var told = await db.Notifications.AsNoTracking().Where(n => n.Link == $"/withdrawals/{proposed.Value}").Select(n => n.PractitionerId).ToListAsync();
            Assert.Equal(new[] { sw.PractitionerId!.Value, officer.PractitionerId!.Value }.Order(), told.Order());
            Assert.All(await db.Notifications.AsNoTracking().Where(n => n.Link == $"/withdrawals/{proposed.Value}").ToListAsync(), n => Assert.Equal(child, n.ChildId));
        }

        // Contesting: not by the withdrawing agency, not without a reason; within the notice it keeps the involvement.
        App.Clock.Now = Utc(2026, 11, 19, 11, 0);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<ContestWithdrawal>().RunAsync(nurse, proposed.Value, "We should stay"))).Error!.Kind);
        Assert.Equal(["ContestReason"], Keys((await UseAsync(s => s.GetRequiredService<ContestWithdrawal>().RunAsync(officer, proposed.Value, "  "))).Error));
        var contested = await UseAsync(s => s.GetRequiredService<ContestWithdrawal>().RunAsync(officer, proposed.Value, "She talks to the school nurse about what happens at home"));
        Assert.True(contested.Succeeded, contested.Error?.ToString());
        await using (var db = App.CreateContext())
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == nurse.PractitionerId && n.Link == $"/withdrawals/{proposed.Value}" && n.Title.Contains("contested")));
        }

        App.Clock.Now = Utc(2026, 11, 24, 9, 0); // the notice has run out
        await UseAsync(s => s.GetRequiredService<CompleteWithdrawals>().RunAsync());
        Assert.Equal(WithdrawalStatus.Contested, (await WithdrawalAsync(proposed.Value)).Status);
        Assert.Null((await InvolvementAsync(nurseInvolvement)).EndedOn);

        // A multi-agency meeting that has been held decides: here, the agency stays.
        var decideUnheld = await UseAsync(s => s.GetRequiredService<DecideWithdrawal>().DecideAsync(sw, proposed.Value, false, null, " "));
        Assert.Equal(["Decision", "MeetingId"], Keys(decideUnheld.Error));
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child,
            Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 12, 2, 10, 0), [new Invitee(nursing.AgencyId, nurse.PractitionerId), new Invitee(police.AgencyId, null)])));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        Assert.Equal(["MeetingId"], Keys((await UseAsync(s => s.GetRequiredService<DecideWithdrawal>().DecideAsync(sw, proposed.Value, false, meeting.Value, "Stays"))).Error));
        App.Clock.Now = Utc(2026, 12, 2, 12, 0);
        var held = await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, meeting.Value, Held(Utc(2026, 12, 2, 10, 0), MeetingOutcome.None)));
        Assert.True(held.Succeeded, held.Error?.ToString());
        var decided = await UseAsync(s => s.GetRequiredService<DecideWithdrawal>().DecideAsync(sw, proposed.Value, false, meeting.Value, "School nursing stays until the review"));
        Assert.True(decided.Succeeded, decided.Error?.ToString());
        Assert.Equal(WithdrawalStatus.Refused, (await WithdrawalAsync(proposed.Value)).Status);
        Assert.Null((await InvolvementAsync(nurseInvolvement)).EndedOn);
    }

    [Fact]
    public async Task An_uncontested_notice_ends_the_involvement_only_once_it_has_run_out_and_the_team_is_told_it_needs_a_new_lead()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var camhs = await Parties.AgencyAsync("CAMHS", AgencyKind.Camhs);
        var sw = await Parties.WorkerAsync(csc, "Sam", "Jones");
        var clinician = await Parties.WorkerAsync(camhs, "Cara", "Lloyd");
        var child = await Parties.ChildAsync("Ivy");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker);
        var leaving = await Parties.InvolveAsync(child, clinician, InvolvementRole.Clinician, lead: true);

        var proposed = await ProposeAsync(clinician, leaving, ByNotice);
        Assert.True(proposed.Succeeded, proposed.Error?.ToString());
        Assert.Equal(Utc(2026, 11, 23, 17, 0), (await WithdrawalAsync(proposed.Value)).NoticeEndsAt);

        App.Clock.Now = Utc(2026, 11, 23, 16, 59);
        await UseAsync(s => s.GetRequiredService<CompleteWithdrawals>().RunAsync());
        Assert.Equal(WithdrawalStatus.UnderNotice, (await WithdrawalAsync(proposed.Value)).Status);
        Assert.Null((await InvolvementAsync(leaving)).EndedOn);

        App.Clock.Now = Utc(2026, 11, 23, 17, 1);
        Assert.True(await UseAsync(s => s.GetRequiredService<CompleteWithdrawals>().RunAsync()) >= 1);
        var done = await WithdrawalAsync(proposed.Value);
        Assert.Equal(WithdrawalStatus.Completed, done.Status);
        Assert.Equal(new DateOnly(2026, 11, 23), done.EndedOn);
        var ended = await InvolvementAsync(leaving);
        Assert.Equal(new DateOnly(2026, 11, 23), ended.EndedOn);
        Assert.False(ended.IsLeadProfessional);
        var late = await UseAsync(s => s.GetRequiredService<ContestWithdrawal>().RunAsync(sw, proposed.Value, "Too late, but we object"));
        Assert.Equal(ErrorKind.Conflict, late.Error!.Kind);
        await using var db = App.CreateContext();
        Assert.False(await db.Involvements.AnyAsync(i => i.ChildId == child && i.IsLeadProfessional));
        Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == sw.PractitionerId && n.ChildId == child && n.Title.Contains("no lead professional")));
    }

    [Fact]
    public async Task The_meeting_route_needs_a_meeting_about_the_child_that_was_held_and_then_ends_the_involvement_at_once()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var youth = await Parties.AgencyAsync("Youth justice", AgencyKind.YouthJustice);
        var sw = await Parties.WorkerAsync(csc, "Rhys", "Evans");
        var yot = await Parties.WorkerAsync(youth, "Yusuf", "Khan");
        var child = await Parties.ChildAsync("Leo");
        var other = await Parties.ChildAsync("Other");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(other, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        var leaving = await Parties.InvolveAsync(child, yot, InvolvementRole.YouthJusticeWorker);

        var invite = new[] { new Invitee(youth.AgencyId, yot.PractitionerId) };
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 11, 24, 10, 0), invite)));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        var otherMeeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, other, Meeting(MeetingType.TeamAroundTheChild, Utc(2026, 11, 24, 11, 0), invite)));
        Assert.True(otherMeeting.Succeeded, otherMeeting.Error?.ToString());
        var byMeeting = ByNotice with { Route = WithdrawalRoute.MeetingDecision, MeetingId = meeting.Value };
        var notHeld = await ProposeAsync(yot, leaving, byMeeting);
        Assert.Equal(["MeetingId"], Keys(notHeld.Error));
        Assert.Contains("not been recorded as held", notHeld.Error!.Fields["MeetingId"][0]);

        App.Clock.Now = Utc(2026, 11, 24, 12, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, meeting.Value, Held(Utc(2026, 11, 24, 10, 0), MeetingOutcome.None)))).Succeeded);
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, otherMeeting.Value, Held(Utc(2026, 11, 24, 11, 0), MeetingOutcome.None)))).Succeeded);
        Assert.Equal(["MeetingId"], Keys((await ProposeAsync(yot, leaving, byMeeting with { MeetingId = otherMeeting.Value })).Error));

        var agreed = await ProposeAsync(yot, leaving, byMeeting);
        Assert.True(agreed.Succeeded, agreed.Error?.ToString());
        var withdrawal = await WithdrawalAsync(agreed.Value);
        Assert.Equal(WithdrawalStatus.Completed, withdrawal.Status);
        Assert.Equal(meeting.Value, withdrawal.MeetingId);
        Assert.Null(withdrawal.NoticeEndsAt);
        Assert.Equal(new DateOnly(2026, 11, 24), (await InvolvementAsync(leaving)).EndedOn);
        await using var db = App.CreateContext();
        Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == sw.PractitionerId && n.Link == $"/withdrawals/{agreed.Value}"));
    }

    [Fact]
    public async Task Leaving_one_agency_alone_with_a_child_on_a_plan_needs_confirming_names_that_agency_and_offers_it_the_escalation_route()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var school = await Parties.AgencyAsync("Hillside School", AgencyKind.School);
        var camhs = await Parties.AgencyAsync("CAMHS", AgencyKind.Camhs);
        var sw = await Parties.WorkerAsync(csc, "Mari", "Davies");
        var dsl = await Parties.WorkerAsync(school, "Dee", "Lewis");
        var clinician = await Parties.WorkerAsync(camhs, "Cerys", "Morgan");

        // With three agencies, one leaving is no warning even with a plan.
        var three = await Parties.ChildAsync("Three");
        await Parties.InvolveAsync(three, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        var threeSchool = await Parties.InvolveAsync(three, dsl, InvolvementRole.DesignatedSafeguardingLead);
        await Parties.InvolveAsync(three, clinician, InvolvementRole.Clinician);
        Assert.True((await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, three, Plan(PlanKind.ChildInNeed, new DateOnly(2026, 11, 16), sw)))).Succeeded);
        var fine = await ProposeAsync(dsl, threeSchool, ByNotice);
        Assert.True(fine.Succeeded, fine.Error?.ToString());
        Assert.False((await WithdrawalAsync(fine.Value)).LeavesOneAgency);

        // With two, the last one standing is named and nothing is saved until the proposer confirms.
        // His school is a universal service: it does not stop social care being the last agency standing.
        var child = await Parties.ChildAsync("James");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, dsl, InvolvementRole.DesignatedSafeguardingLead);
        var leaving = await Parties.InvolveAsync(child, clinician, InvolvementRole.Clinician);
        var plan = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, child, Plan(PlanKind.ChildInNeed, new DateOnly(2026, 11, 16), sw)));
        Assert.True(plan.Succeeded, plan.Error?.ToString());
        int notificationsBefore;
        await using (var db = App.CreateContext())
        {
            notificationsBefore = await db.Notifications.CountAsync(n => n.ChildId == child);
        }

        var warned = await ProposeAsync(clinician, leaving, ByNotice);
        Assert.Equal(ErrorKind.Validation, warned.Error!.Kind);
        Assert.Equal(["ConfirmLastAgency"], Keys(warned.Error));
        Assert.Contains(csc.Name, warned.Error.Fields["ConfirmLastAgency"][0]);
        await using (var db = App.CreateContext())
        {
            Assert.False(await db.Withdrawals.AnyAsync(w => w.ChildId == child));
            Assert.Equal(notificationsBefore, await db.Notifications.CountAsync(n => n.ChildId == child));
            Assert.Null((await db.Involvements.AsNoTracking().SingleAsync(i => i.Id == leaving)).EndedOn);
        }

        var confirmed = await ProposeAsync(clinician, leaving, ByNotice with { ConfirmLastAgency = true });
        Assert.True(confirmed.Succeeded, confirmed.Error?.ToString());
        var withdrawal = await WithdrawalAsync(confirmed.Value);
        Assert.True(withdrawal.LeavesOneAgency);
        Assert.Equal(csc.AgencyId, withdrawal.RemainingAgencyId);
        Assert.Equal(WithdrawalStatus.UnderNotice, withdrawal.Status);
        await using (var db = App.CreateContext())
        {
            var toSw = await db.Notifications.AsNoTracking().Where(n => n.PractitionerId == sw.PractitionerId && n.Link == $"/withdrawals/{confirmed.Value}").ToListAsync();
            Assert.Contains(toSw, n => n.Title.Contains("only agency left") && n.Body.Contains("escalate"));
            Assert.Contains(toSw, n => n.Title.StartsWith("Warning"));
            Assert.False(await db.Notifications.AnyAsync(n => n.PractitionerId == clinician.PractitionerId && n.Link == $"/withdrawals/{confirmed.Value}"));
        }
        var view = await UseAsync(s => s.GetRequiredService<TeamQueries>().WithdrawalAsync(sw, confirmed.Value));
        Assert.Equal(csc.Name, view.Value.RemainingAgency);
        Assert.True(view.Value.CanContest);
    }

    [Fact]
    public async Task Naming_the_lead_professional_keeps_exactly_one_and_the_index_refuses_a_second()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var school = await Parties.AgencyAsync("School", AgencyKind.School);
        var sw = await Parties.WorkerAsync(csc, "Lowri", "Bevan");
        var teacher = await Parties.WorkerAsync(school, "Tom", "Rees");
        var child = await Parties.ChildAsync("Ella");
        var a = await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        var b = await Parties.InvolveAsync(child, teacher, InvolvementRole.DesignatedSafeguardingLead);
        Task<Result<bool>> Name(Actor who, Guid? involvement, string? reason = "Agreed at the team around the child meeting") =>
            UseAsync(s => s.GetRequiredService<NameLeadProfessional>().RunAsync(who, child, involvement, reason));

        Assert.Equal(["InvolvementId", "Reason"], Keys((await Name(sw, Guid.NewGuid(), " ")).Error));
        Assert.Equal(ErrorKind.Conflict, (await Name(sw, a)).Error!.Kind); // already the lead
        Assert.True((await Name(teacher, b)).Succeeded);
        Assert.True((await Name(sw, a)).Succeeded);
        Assert.True((await Name(sw, b)).Succeeded);
        await using (var db = App.CreateContext())
        {
            var leads = await db.Involvements.AsNoTracking().Where(i => i.ChildId == child && i.IsLeadProfessional).Select(i => i.Id).ToListAsync();
            Assert.Equal([b], leads);
        }

        // The database itself refuses a second lead, whatever code writes it.
        await using (var db = App.CreateContext())
        {
            var second = await db.Involvements.SingleAsync(i => i.Id == a);
            second.MakeLeadProfessional();
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(refused));
        }
    }

    // Once deadlocked: a transaction spanning two audited saves waited for the audit chain's process lock while the
    // lock's holder waited for the transaction's row lock. Saves inside a caller's transaction no longer take that lock.
    [Fact]
    public async Task Concurrent_namings_of_different_leads_leave_exactly_one_lead_and_the_rest_are_told_to_look_again()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var health = await Parties.AgencyAsync("Health", AgencyKind.AcuteHospital);
        var sw = await Parties.WorkerAsync(csc, "Gwen", "Ellis");
        var child = await Parties.ChildAsync("Race");
        var involvements = new List<Guid> { await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true) };
        for (var i = 0; i < 5; i++)
        {
            var worker = await Parties.WorkerAsync(i % 2 == 0 ? health : csc, "Worker", $"Number{i}");
            involvements.Add(await Parties.InvolveAsync(child, worker, i % 2 == 0 ? InvolvementRole.NamedNurse : InvolvementRole.FamilySupportWorker));
        }

        for (var round = 0; round < 3; round++)
        {
            Guid current;
            await using (var db = App.CreateContext())
            {
                current = await db.Involvements.Where(i => i.ChildId == child && i.IsLeadProfessional).Select(i => i.Id).SingleAsync();
            }
            var targets = involvements.Where(i => i != current).ToList();
            using var start = new SemaphoreSlim(0);
            var runs = targets.Select(target => Task.Run(async () =>
            {
                await using var scope = App.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<NameLeadProfessional>();
                await start.WaitAsync();
                return (Target: target, Result: await handler.RunAsync(sw, child, target, $"Round {round}: agreed by the core group"));
            })).ToList();
            start.Release(targets.Count);
            var results = await Task.WhenAll(runs);

            Assert.All(results, r => Assert.True(r.Result.Succeeded || r.Result.Error!.Kind == ErrorKind.Conflict, r.Result.Error?.ToString()));
            Assert.Contains(results, r => r.Result.Succeeded);
            await using var check = App.CreateContext();
            var leads = await check.Involvements.AsNoTracking().Where(i => i.ChildId == child && i.IsLeadProfessional).Select(i => i.Id).ToListAsync();
            var lead = Assert.Single(leads);
            Assert.Contains(results, r => r.Target == lead && r.Result.Succeeded);
        }
    }

    [Fact]
    public async Task A_hand_over_moves_the_lead_to_the_new_worker_who_co_works_until_introduced()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var first = await Parties.WorkerAsync(csc, "Ffion", "First");
        var second = await Parties.WorkerAsync(csc, "Sara", "Second");
        var officer = await Parties.WorkerAsync(police, "Pat", "Officer");
        var child = await Parties.ChildAsync("Handed");
        var old = await Parties.InvolveAsync(child, first, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, officer, InvolvementRole.InvestigatingOfficer);

        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(officer, old, officer.PractitionerId, null))).Error!.Kind);
        Assert.Equal(["NewPractitionerId"], Keys((await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(first, old, first.PractitionerId, null))).Error));
        var handed = await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(first, old, second.PractitionerId, null));
        Assert.True(handed.Succeeded, handed.Error?.ToString());
        var before = await InvolvementAsync(old);
        var after = await InvolvementAsync(handed.Value);
        Assert.False(before.IsLeadProfessional);
        Assert.Equal(new DateOnly(2026, 11, 30), before.EndedOn); // 14 days of co-working
        Assert.True(after.IsLeadProfessional);
        Assert.Equal(old, after.HandedOverFromId);
        Assert.Equal(ErrorKind.Conflict, (await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(first, old, second.PractitionerId, null))).Error!.Kind);
        // The worker who is leaving cannot be named lead again.
        var leaver = await UseAsync(s => s.GetRequiredService<NameLeadProfessional>().RunAsync(first, child, old, "Back to the old worker"));
        Assert.Equal(["InvolvementId"], Keys(leaver.Error));

        var overview = await UseAsync(s => s.GetRequiredService<TeamOverview>().RunAsync(second));
        Assert.Contains(overview.Value.AwaitingIntroduction, c => c.Id == child);
        Assert.Equal(["IntroductionNote"], Keys((await UseAsync(s => s.GetRequiredService<RecordIntroduction>().RunAsync(second, handed.Value, new DateOnly(2026, 11, 16), ""))).Error));
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordIntroduction>().RunAsync(second, handed.Value, new DateOnly(2026, 11, 16), "Joint home visit with Ffion"))).Succeeded);
        overview = await UseAsync(s => s.GetRequiredService<TeamOverview>().RunAsync(second));
        Assert.DoesNotContain(overview.Value.AwaitingIntroduction, c => c.Id == child);
    }

    // A successor who is itself handing over (took over, and leaves on a future date) is refused as lead, not a 500.
    [Fact]
    public async Task A_worker_who_took_over_and_is_now_handing_over_again_cannot_be_named_lead_and_is_told_so()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var first = await Parties.WorkerAsync(csc, "Alys", "One");
        var second = await Parties.WorkerAsync(csc, "Bryn", "Two");
        var third = await Parties.WorkerAsync(csc, "Carys", "Three");
        var child = await Parties.ChildAsync("Chain");
        var one = await Parties.InvolveAsync(child, first, InvolvementRole.AllocatedSocialWorker, lead: true);
        var two = await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(first, one, second.PractitionerId, null));
        Assert.True(two.Succeeded, two.Error?.ToString());
        var three = await UseAsync(s => s.GetRequiredService<HandOver>().RunAsync(second, two.Value, third.PractitionerId, null));
        Assert.True(three.Succeeded, three.Error?.ToString());
        Assert.True((await InvolvementAsync(three.Value)).IsLeadProfessional);

        var named = await UseAsync(s => s.GetRequiredService<NameLeadProfessional>().RunAsync(third, child, two.Value, "Bryn knows the family best"));
        Assert.Equal(ErrorKind.Validation, named.Error!.Kind);
        Assert.Equal(["InvolvementId"], Keys(named.Error));
        Assert.True((await InvolvementAsync(three.Value)).IsLeadProfessional);
    }

    [Fact]
    public async Task Outside_the_team_a_childs_casework_is_not_found_and_broken_glass_reads_but_cannot_change_it()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var sw = await Parties.WorkerAsync(csc, "Bethan", "Owen");
        var officer = await Parties.WorkerAsync(police, "Idris", "Jenkins");
        var child = await Parties.ChildAsync("Private");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, officer, InvolvementRole.InvestigatingOfficer);
        var plan = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, child, Plan(PlanKind.ChildInNeed, new DateOnly(2026, 11, 16), sw)));
        Assert.True(plan.Succeeded, plan.Error?.ToString());
        var meeting = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child,
            Meeting(MeetingType.ChildInNeedReview, Utc(2026, 12, 1, 10, 0), [new Invitee(police.AgencyId, officer.PractitionerId)])));
        Assert.True(meeting.Succeeded, meeting.Error?.ToString());
        // A colleague in the same agency but another team, and the police officer of another child, are both outside.
        var sameAgencyOtherTeam = await Parties.WorkerAsync(await Parties.TeamAsync(csc, "Duty team"), "Other", "Team");
        var lewis = await ActorAsync(World.OtherTeamEmail);
        var dan = await ActorAsync(World.PoliceEmail);
        var visit = new VisitForm(VisitPlace.School, Utc(2026, 11, 16, 9, 0), true, true, true, true, null, null, "Saw her at school");

        foreach (var outsider in new[] { lewis, dan, sameAgencyOtherTeam })
        {
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<PlanQueries>().GetAsync(outsider, plan.Value))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<PlanQueries>().ForChildAsync(outsider, child))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().ForChildAsync(outsider, child))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(outsider, meeting.Value))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<TeamQueries>().TeamAsync(outsider, child))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<TimescaleQueries>().ForChildAsync(outsider, child))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<RecordVisit>().RunAsync(outsider, child, visit))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(outsider, child,
                Plan(PlanKind.TeamAroundTheChild, new DateOnly(2026, 11, 16), sw)))).Error!.Kind);
        }
        // Amelia's casework is as closed to Lewis (another social care team) and Dan (police, not involved with her).
        foreach (var outsider in new[] { lewis, dan })
        {
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<PlanQueries>().ForChildAsync(outsider, World.Amelia))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<TeamQueries>().TeamAsync(outsider, World.Amelia))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<MeetingQueries>().ForChildAsync(outsider, World.Amelia))).Error!.Kind);
            Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<TimescaleQueries>().ForChildAsync(outsider, World.Amelia))).Error!.Kind);
        }
        // The invited officer and the team can see; the team's page of an outsider does not list the child.
        Assert.True((await UseAsync(s => s.GetRequiredService<MeetingQueries>().GetAsync(officer, meeting.Value))).Succeeded);
        Assert.True((await UseAsync(s => s.GetRequiredService<PlanQueries>().GetAsync(officer, plan.Value))).Value.CanChange);
        Assert.DoesNotContain((await UseAsync(s => s.GetRequiredService<TeamOverview>().RunAsync(lewis))).Value.NotSeen, n => n.Child.Id == child);

        // Broken glass: Lewis may read, not change.
        var grant = await UseAsync(s => s.GetRequiredService<BreakGlass>().RunAsync(lewis, new BreakGlass.Command(child, "Emergency duty call tonight about this child's safety")));
        Assert.True(grant.Succeeded, grant.Error?.ToString());
        var read = await UseAsync(s => s.GetRequiredService<PlanQueries>().GetAsync(lewis, plan.Value));
        Assert.True(read.Succeeded, read.Error?.ToString());
        Assert.False(read.Value.CanChange);
        Assert.False((await UseAsync(s => s.GetRequiredService<TeamQueries>().TeamAsync(lewis, child))).Value.CanWork);
        Assert.True((await UseAsync(s => s.GetRequiredService<TimescaleQueries>().ForChildAsync(lewis, child))).Succeeded);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<RecordVisit>().RunAsync(lewis, child, visit))).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(lewis, child,
            Plan(PlanKind.TeamAroundTheChild, new DateOnly(2026, 11, 16), sw)))).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<ChangePlan>().AddOutcomeAsync(lewis, plan.Value, "Another outcome"))).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(lewis, child,
            Meeting(MeetingType.ProfessionalsMeeting, Utc(2026, 12, 10, 10, 0), [new Invitee(csc.AgencyId, null)])))).Error!.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<StartTimescale>().RunAsync(lewis, child, TimescaleKind.ChildAndFamilyAssessment,
            Utc(2026, 11, 16, 9, 0)))).Error!.Kind);
        await using var db = App.CreateContext();
        Assert.False(await db.ChronologyEvents.AnyAsync(e => e.ChildId == child && e.EnteredById == lewis.PractitionerId));
        Assert.Equal(1, await db.Plans.CountAsync(p => p.ChildId == child));
    }

    [Fact]
    public async Task The_teams_page_lists_overdue_clocks_and_actions_children_without_a_lead_or_unseen_and_reliance_on_one_worker()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var sw = await Parties.WorkerAsync(csc, "Teleri", "Watkins");
        var colleague = await Parties.WorkerAsync(csc, "Huw", "Pugh");
        var officer = await Parties.WorkerAsync(police, "Dafydd", "Rowlands");

        var noLead = await Parties.ChildAsync("NoLead");
        await Parties.InvolveAsync(noLead, sw, InvolvementRole.AllocatedSocialWorker);
        await Parties.InvolveAsync(noLead, officer, InvolvementRole.InvestigatingOfficer);

        var late = await Parties.ChildAsync("Late");
        await Parties.InvolveAsync(late, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(late, officer, InvolvementRole.InvestigatingOfficer);
        var clock = await UseAsync(s => s.GetRequiredService<StartTimescale>().RunAsync(sw, late, TimescaleKind.ChildAndFamilyAssessment, Utc(2026, 9, 1, 9, 0)));
        Assert.True(clock.Succeeded, clock.Error?.ToString());
        var plan = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, late, Plan(PlanKind.TeamAroundTheChild, new DateOnly(2026, 10, 1), sw,
            actions: [new ActionInput("Referral to the family support service", colleague.PractitionerId, null, new DateOnly(2026, 11, 1))], nextReview: new DateOnly(2027, 1, 15))));
        Assert.True(plan.Succeeded, plan.Error?.ToString());

        var unseen = await Parties.ChildAsync("Unseen");
        await Parties.InvolveAsync(unseen, sw, InvolvementRole.AllocatedSocialWorker, lead: true);

        Task<Result<Guid>> Visit(Actor who, Guid child, int daysAgo) => UseAsync(s => s.GetRequiredService<RecordVisit>().RunAsync(who, child,
            new VisitForm(VisitPlace.School, App.Clock.Now.AddDays(-daysAgo), true, true, true, true, null, null, "Saw the child at school")));
        async Task<Guid> ChildSeenByAsync(string name, int bySw, int byColleague)
        {
            var child = await Parties.ChildAsync(name);
            await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
            for (var i = 0; i < bySw; i++) { Assert.True((await Visit(sw, child, 3 + i)).Succeeded); }
            for (var i = 0; i < byColleague; i++) { Assert.True((await Visit(colleague, child, 3 + i)).Succeeded); }
            return child;
        }
        var reliant = await ChildSeenByAsync("Reliant", 4, 2);   // 4 of 6: 67%
        var shared = await ChildSeenByAsync("Shared", 3, 3);     // 3 of 6: 50%
        var few = await ChildSeenByAsync("Few", 5, 0);           // 5 of 5, but fewer than 6 contacts
        Assert.True((await Visit(sw, late, 2)).Succeeded);

        var page = await UseAsync(s => s.GetRequiredService<TeamOverview>().RunAsync(sw));
        Assert.True(page.Succeeded, page.Error?.ToString());
        var view = page.Value;
        Assert.Equal(csc.Name + " team", view.TeamName);
        Assert.Equal(6, view.Children);
        var overdue = Assert.Single(view.OverdueClocks, c => c.Child.Id == late);
        Assert.Equal(TimescaleKind.ChildAndFamilyAssessment, overdue.Clock.Kind);
        Assert.Equal(Utc(2026, 11, 3, 17, 0), overdue.Clock.DueAt); // 45 working days from Tue 1 Sep 2026
        Assert.True(overdue.Clock.Overdue);
        var action = Assert.Single(view.OverdueActions, a => a.Child.Id == late);
        Assert.Equal(new DateOnly(2026, 11, 1), action.Action.DueOn);
        Assert.Equal([noLead], view.WithoutLead.Select(c => c.Id));
        Assert.Contains(view.NotSeen, n => n.Child.Id == unseen && n.LastSeen is null);
        Assert.Contains(view.NotSeen, n => n.Child.Id == noLead);
        Assert.DoesNotContain(view.NotSeen, n => n.Child.Id == late || n.Child.Id == reliant);
        var reliance = view.Spread.ToDictionary(s => s.Child.Id);
        Assert.True(reliance[reliant].ReliesOnOne);
        Assert.Equal(sw.Name, reliance[reliant].TopPractitioner);
        Assert.Equal((6, 2, 4), (reliance[reliant].Contacts, reliance[reliant].Practitioners, reliance[reliant].TopContacts));
        Assert.False(reliance[shared].ReliesOnOne);
        Assert.False(reliance[few].ReliesOnOne);

        // Once the clock is met late with its reason and the action done, they leave the page.
        await using (var db = App.CreateContext())
        {
            var actionId = await db.AgreedActions.Where(a => a.PlanId == plan.Value).Select(a => a.Id).SingleAsync();
            Assert.True((await UseAsync(s => s.GetRequiredService<UpdateAction>().RunAsync(colleague, actionId, ActionStatus.Done, "Referral made"))).Succeeded);
        }
        Assert.Equal(["LateReason"], Keys((await UseAsync(s => s.GetRequiredService<CompleteTimescale>().CompleteAsync(sw, clock.Value, Utc(2026, 11, 13, 12, 0), null))).Error));
        Assert.True((await UseAsync(s => s.GetRequiredService<CompleteTimescale>().CompleteAsync(sw, clock.Value, Utc(2026, 11, 13, 12, 0), "Family moved twice"))).Succeeded);
        view = (await UseAsync(s => s.GetRequiredService<TeamOverview>().RunAsync(sw))).Value;
        Assert.DoesNotContain(view.OverdueClocks, c => c.Child.Id == late);
        Assert.DoesNotContain(view.LateWithoutReason, c => c.Child.Id == late);
        Assert.DoesNotContain(view.OverdueActions, a => a.Child.Id == late);
    }
}

public sealed class TeamAroundChildOnSqlite(SqliteAppFactory app) : TeamAroundChildTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class TeamAroundChildOnPostgres(PostgresAppFactory app) : TeamAroundChildTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
