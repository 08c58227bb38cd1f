using ChildStory.Common;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Calendar;
using ChildStory.Features.FrontDoor;
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

/// <summary>Statutory clocks on the working-day calendar, meetings that meet and start them, plans, visits and "last seen".</summary>
public abstract class CaseworkClockTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
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

    private async Task<WorkingTime> WorkingAsync()
    {
        await using var db = App.CreateContext();
        return await App.Services.GetRequiredService<PartnershipCalendar>().GetAsync(db);
    }

    private async Task<List<Timescale>> ClocksAsync(Guid childId)
    {
        await using var db = App.CreateContext();
        return await db.Timescales.AsNoTracking().Where(t => t.ChildId == childId).ToListAsync();
    }

    private static IEnumerable<string> Keys(Error? error) => error!.Fields.Keys.Order();

    [Fact]
    public async Task A_strategy_discussion_before_Christmas_sets_the_conference_after_the_bank_holidays_and_the_conference_starts_the_plan_clocks()
    {
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var sw = await Parties.WorkerAsync(csc, "Elin", "Roberts");
        var officer = await Parties.WorkerAsync(police, "Gethin", "Hall");
        var child = await Parties.ChildAsync("Holly");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, officer, InvolvementRole.InvestigatingOfficer);
        Invitee[] invite = [new Invitee(police.AgencyId, officer.PractitionerId)];

        App.Clock.Now = Utc(2026, 12, 17, 9, 0);
        var strategy = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.StrategyDiscussion, Utc(2026, 12, 18, 10, 0), invite)));
        Assert.True(strategy.Succeeded, strategy.Error?.ToString());
        App.Clock.Now = Utc(2026, 12, 18, 12, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, strategy.Value, Held(Utc(2026, 12, 18, 10, 0), MeetingOutcome.Section47Enquiry)))).Succeeded);
        // 15 working days from Friday 18 December 2026, not counting Fri 25 Dec (Christmas Day), Mon 28 Dec (Boxing Day,
        // substitute) and Fri 1 Jan (New Year's Day) nor weekends: Dec 21 22 23 24 29 30 31, Jan 4 5 6 7 8 11 12 13.
        var icpcClock = Assert.Single(await ClocksAsync(child), t => t.Kind == TimescaleKind.InitialChildProtectionConference);
        Assert.Equal(Utc(2027, 1, 13, 17, 0), icpcClock.DueAt);
        Assert.Equal(strategy.Value, icpcClock.SourceMeetingId);
        Assert.Contains("Christmas Day", icpcClock.DueExplanation);
        Assert.Contains("Mon 28 Dec (Boxing Day", icpcClock.DueExplanation);
        Assert.Contains("Fri 1 Jan", icpcClock.DueExplanation);

        // The conference needs 5 working days' notice; over Christmas, 18 to 29 December gives 4 (21, 22, 23, 24).
        var icpcAt = Utc(2026, 12, 29, 10, 0);
        var unconfirmed = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.InitialChildProtectionConference, icpcAt, invite)));
        Assert.Equal(["ShortNoticeReason"], Keys(unconfirmed.Error));
        Assert.Contains("4 working days", unconfirmed.Error!.Fields["ShortNoticeReason"][0]);
        Assert.Contains(police.Name, unconfirmed.Error.Fields["ShortNoticeReason"][0]);
        var noReason = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.InitialChildProtectionConference, icpcAt, invite, true, " ")));
        Assert.Equal(["ShortNoticeReason"], Keys(noReason.Error));
        var icpc = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child,
            Meeting(MeetingType.InitialChildProtectionConference, icpcAt, invite, true, "The chair is only free before the new year")));
        Assert.True(icpc.Succeeded, icpc.Error?.ToString());
        await using (var db = App.CreateContext())
        {
            var invitation = await db.Meetings.AsNoTracking().Where(m => m.Id == icpc.Value).SelectMany(m => m.Invitations).SingleAsync();
            Assert.Equal((4, 5), (invitation.NoticeWorkingDays, invitation.RequiredNoticeWorkingDays));
        }

        App.Clock.Now = Utc(2026, 12, 29, 12, 0);
        var held = await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, icpc.Value, Held(icpcAt, MeetingOutcome.ChildProtectionPlan)));
        Assert.True(held.Succeeded, held.Error?.ToString());
        var clocks = await ClocksAsync(child);
        var met = Assert.Single(clocks, t => t.Kind == TimescaleKind.InitialChildProtectionConference);
        Assert.Equal(TimescaleStatus.Completed, met.Status);
        Assert.Equal(icpcAt, met.CompletedAt);
        Assert.False(met.WasLate);
        // First core group: 10 working days from Tue 29 Dec: Dec 30 31, Jan 4 5 6 7 8 11 12 13.
        Assert.Equal(Utc(2027, 1, 13, 17, 0), Assert.Single(clocks, t => t.Kind == TimescaleKind.FirstCoreGroup).DueAt);
        // First review: 3 months on is Mon 29 Mar 2027, Easter Monday; back past Sun 28, Sat 27 and Good Friday 26 to Thu 25 March (still GMT).
        var review = Assert.Single(clocks, t => t.Kind == TimescaleKind.FirstReviewConference);
        Assert.Equal(Utc(2027, 3, 25, 17, 0), review.DueAt);
        Assert.Contains("Easter Monday", review.DueExplanation);
    }

    [Fact]
    public async Task A_conference_held_after_its_clock_ran_out_needs_the_reason_and_nothing_is_saved_without_it()
    {
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var sw = await Parties.WorkerAsync(csc, "Nerys", "Thomas");
        var child = await Parties.ChildAsync("Late");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        Invitee[] invite = [new Invitee(csc.AgencyId, null)];

        App.Clock.Now = Utc(2026, 11, 16, 8, 0);
        var strategy = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.StrategyDiscussion, Utc(2026, 11, 16, 9, 0), invite)));
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        Assert.True((await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, strategy.Value, Held(Utc(2026, 11, 16, 9, 0), MeetingOutcome.Section47Enquiry)))).Succeeded);
        var clock = Assert.Single(await ClocksAsync(child));
        Assert.Equal(Utc(2026, 12, 7, 17, 0), clock.DueAt); // 15 working days from Monday 16 November

        var icpc = await UseAsync(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(sw, child, Meeting(MeetingType.InitialChildProtectionConference, Utc(2026, 12, 9, 10, 0), invite)));
        Assert.True(icpc.Succeeded, icpc.Error?.ToString());
        App.Clock.Now = Utc(2026, 12, 9, 12, 0);
        var noReason = await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, icpc.Value, Held(Utc(2026, 12, 9, 10, 0), MeetingOutcome.ChildProtectionPlan)));
        Assert.Equal(["LateReason"], Keys(noReason.Error));
        await using (var db = App.CreateContext())
        {
            Assert.Equal(MeetingStatus.Scheduled, (await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == icpc.Value)).Status);
        }
        Assert.Equal([TimescaleStatus.Open], (await ClocksAsync(child)).Select(t => t.Status));

        var withReason = await UseAsync(s => s.GetRequiredService<RecordMeeting>().RunAsync(sw, icpc.Value,
            Held(Utc(2026, 12, 9, 10, 0), MeetingOutcome.ChildProtectionPlan, "The family's solicitor could not attend earlier")));
        Assert.True(withReason.Succeeded, withReason.Error?.ToString());
        var late = Assert.Single(await ClocksAsync(child), t => t.Kind == TimescaleKind.InitialChildProtectionConference);
        Assert.Equal(TimescaleStatus.Completed, late.Status);
        Assert.True(late.WasLate);
        Assert.Equal("The family's solicitor could not attend earlier", late.LateReason);
    }

    [Fact]
    public async Task Working_time_rules_parse_as_written_and_land_on_the_right_instant_around_bank_holidays_weekends_and_summer_time()
    {
        Assert.Equal(DeadlineRule.WorkingDays(45), DeadlineRule.Parse("45 working days", out _));
        Assert.Equal(DeadlineRule.WorkingHours(8), DeadlineRule.Parse("8 Working Hours", out _));
        Assert.Equal(DeadlineRule.CalendarHours(72), DeadlineRule.Parse(" 72 hours ", out _));
        Assert.Equal(DeadlineRule.Weeks(1), DeadlineRule.Parse("1 week", out _));
        Assert.Equal(DeadlineRule.Months(3), DeadlineRule.Parse("3 months", out _));
        Assert.Null(DeadlineRule.Parse("3 fortnights", out var problem));
        Assert.Contains("not a deadline", problem);
        Assert.Null(DeadlineRule.Parse(null, out _));
        var options = new CaseworkOptions();
        Assert.Equal(DeadlineRule.CalendarHours(72), options.RuleFor(TimescaleKind.ReturnHomeInterview));
        Assert.Equal(DeadlineRule.Weeks(12), options.RuleFor(TimescaleKind.ChildInNeedReview));
        Assert.Empty(options.Problems());
        options.Timescales[nameof(TimescaleKind.FirstCoreGroup)] = "ten days";
        Assert.Contains(options.Problems(), p => p.StartsWith("Casework:Timescales:FirstCoreGroup"));

        var working = await WorkingAsync();
        Assert.Equal("Christmas Day", working.HolidayOn(new DateOnly(2026, 12, 25)));
        Assert.StartsWith("Boxing Day", working.HolidayOn(new DateOnly(2026, 12, 28)));
        Assert.NotNull(working.HolidayOn(new DateOnly(2027, 1, 1)));
        Assert.Null(working.HolidayOn(new DateOnly(2026, 12, 24)));

        Assert.Equal(Utc(2027, 1, 13, 17, 0), working.Due(Utc(2026, 12, 18, 10, 0), DeadlineRule.WorkingDays(15)).Due);
        // After closing on Christmas Eve the count starts from Tuesday 29 December: 1 working day is then Wednesday 30th.
        Assert.Equal(Utc(2026, 12, 30, 17, 0), working.Due(Utc(2026, 12, 24, 18, 0), DeadlineRule.WorkingDays(1)).Due);
        // Months: 30 Nov + 3 months is 28 Feb 2027 (February is shorter), a Sunday: brought back to Friday 26 February.
        var months = working.Due(Utc(2026, 11, 30, 10, 0), DeadlineRule.Months(3));
        Assert.Equal(Utc(2027, 2, 26, 17, 0), months.Due);
        Assert.Contains("Sun 28 Feb", months.Explanation);
        // 3 months from 29 Dec 2026 is Easter Monday: back to Thursday 25 March.
        Assert.Equal(Utc(2027, 3, 25, 17, 0), working.Due(Utc(2026, 12, 29, 10, 0), DeadlineRule.Months(3)).Due);
        // In summer time, close of office hours (17:00 London) is 16:00 UTC.
        Assert.Equal(Utc(2027, 7, 1, 16, 0), working.Due(Utc(2027, 4, 1, 10, 0), DeadlineRule.Months(3)).Due);
        // Weeks: 12 weeks from Mon 5 Oct 2026 is Mon 28 Dec (Boxing Day, substitute): back past the weekend and Christmas Day to Thu 24 Dec.
        Assert.Equal(Utc(2026, 12, 24, 17, 0), working.Due(Utc(2026, 10, 5, 10, 0), DeadlineRule.Weeks(12)).Due);
        // Calendar hours count nights, weekends and bank holidays: 72 hours from Christmas Eve 15:30 is Sunday 27th 15:30.
        Assert.Equal(Utc(2026, 12, 27, 15, 30), working.Due(Utc(2026, 12, 24, 15, 30), DeadlineRule.CalendarHours(72)).Due);

        // Notice: working days strictly between the two days.
        Assert.Equal(3, working.NoticeWorkingDays(Utc(2026, 11, 16, 10, 0), Utc(2026, 11, 20, 10, 0)));
        Assert.Equal(4, working.NoticeWorkingDays(Utc(2026, 12, 18, 12, 0), Utc(2026, 12, 29, 10, 0)));
        Assert.Equal(5, working.NoticeWorkingDays(Utc(2026, 12, 23, 10, 0), Utc(2027, 1, 5, 10, 0))); // 24, 29, 30, 31 Dec and 4 Jan
        Assert.Equal(0, working.NoticeWorkingDays(Utc(2026, 12, 24, 10, 0), Utc(2026, 12, 29, 10, 0)));
    }

    [Fact]
    public async Task A_return_from_missing_starts_a_72_hour_interview_clock_once_and_the_interview_meets_it()
    {
        var police = await Parties.AgencyAsync("Police", AgencyKind.Police);
        var rhi = await Parties.AgencyAsync("Missing service", AgencyKind.VoluntarySector);
        var officer = await Parties.WorkerAsync(police, "Ieuan", "Price");
        var worker = await Parties.WorkerAsync(rhi, "Manon", "Wyn");
        var child = await Parties.ChildAsync("Missing");
        await Parties.InvolveAsync(child, officer, InvolvementRole.InvestigatingOfficer);
        await Parties.InvolveAsync(child, worker, InvolvementRole.YouthWorker);
        async Task<Guid> EventAsync(Actor who, EventType type, DateTimeOffset at, string summary)
        {
            await using var db = App.CreateContext();
            var subject = await db.People.Where(p => p.Id == child).Select(p => new EventSubject(p.GivenName, p.FamilyName, p.DateOfBirth, null, null, null, null, null)).SingleAsync();
            var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), who.AgencyId!.Value, who.PractitionerId!.Value, who.Name, type, at, at, summary, subject, child);
            e.Describe(null, true, Verification.Verified, new EventFacts());
            db.ChronologyEvents.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        }

        var returned = await EventAsync(officer, EventType.ReturnFromMissing, Utc(2026, 12, 24, 15, 30), "Returned home after two nights missing");
        App.Clock.Now = Utc(2026, 12, 24, 16, 0);
        await UseAsync(s => s.GetRequiredService<WatchTimescales>().RunAsync());
        await UseAsync(s => s.GetRequiredService<WatchTimescales>().RunAsync());
        var clock = Assert.Single(await ClocksAsync(child));
        Assert.Equal(TimescaleKind.ReturnHomeInterview, clock.Kind);
        Assert.Equal(returned, clock.SourceEventId);
        Assert.Equal(Utc(2026, 12, 27, 15, 30), clock.DueAt); // 72 calendar hours, Christmas and Boxing Day included

        var interview = await EventAsync(worker, EventType.ReturnHomeInterview, Utc(2026, 12, 26, 11, 0), "Return home interview at home");
        App.Clock.Now = Utc(2026, 12, 26, 12, 0);
        await UseAsync(s => s.GetRequiredService<WatchTimescales>().RunAsync());
        clock = Assert.Single(await ClocksAsync(child));
        Assert.Equal(TimescaleStatus.Completed, clock.Status);
        Assert.Equal(interview, clock.CompletedByEventId);
        Assert.False(clock.WasLate);
        // An interview cannot happen without the child: it counts as seen, by the agency that held it.
        await using var check = App.CreateContext();
        var seen = Assert.Single(await LastSeen.ByAgencyAsync(check, child, default));
        Assert.Equal((rhi.AgencyId, Utc(2026, 12, 26, 11, 0)), (seen.AgencyId, seen.At));
    }

    [Fact]
    public async Task A_front_door_decision_to_assess_starts_the_45_working_day_clock_from_when_the_contact_arrived()
    {
        var fatima = await ActorAsync(World.FrontDoorEmail);
        var child = await Parties.ChildAsync("Contact");
        var contact = new Contact(Guid.NewGuid(), child, ContactSource.PoliceIncident, "Westmere Police", "Found alone at night", null,
            Utc(2026, 12, 18, 15, 0), Utc(2026, 12, 21, 17, 0), "One working day", null);
        await using (var db = App.CreateContext())
        {
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
        }
        App.Clock.Now = Utc(2026, 12, 21, 10, 0);
        var decided = await UseAsync(s => s.GetRequiredService<DecideContact>().RunAsync(fatima, contact.Id, nameof(FrontDoorDecision.ChildInNeedAssessment), "Needs a full assessment"));
        Assert.True(decided.Succeeded, decided.Error?.ToString());
        var clock = Assert.Single(await ClocksAsync(child));
        Assert.Equal(TimescaleKind.ChildAndFamilyAssessment, clock.Kind);
        Assert.Equal(Utc(2026, 12, 18, 15, 0), clock.StartedAt);
        Assert.Equal(contact.Id, clock.SourceContactId);
        // 45 working days from Friday 18 December 2026, skipping 25 and 28 December and 1 January: Wednesday 24 February 2027.
        Assert.Equal(Utc(2027, 2, 24, 17, 0), clock.DueAt);
    }

    [Fact]
    public async Task A_plan_without_the_childs_voice_is_flagged_each_change_is_a_revision_and_a_child_in_need_plan_starts_its_review_clock()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var sw = await Parties.WorkerAsync(csc, "Angharad", "Lewis");
        var silent = await Parties.ChildAsync("Silent");
        var heard = await Parties.ChildAsync("Heard");
        await Parties.InvolveAsync(silent, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(heard, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        var today = new DateOnly(2026, 11, 16);

        var halfVoice = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, heard, Plan(PlanKind.ChildInNeed, today, sw, new ChildVoice("I want to stay at my school", null, null, null))));
        Assert.Equal(["Voice.GatheredBy", "Voice.GatheredOn", "Voice.Method"], Keys(halfVoice.Error));
        var voice = new ChildVoice("I want to stay at my school", VoiceMethod.ConversationSeenAlone, "Angharad Lewis", today);
        var heardPlan = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, heard, Plan(PlanKind.ChildInNeed, today, sw, voice)));
        Assert.True(heardPlan.Succeeded, heardPlan.Error?.ToString());
        var silentPlan = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, silent, Plan(PlanKind.ChildInNeed, today, sw)));
        Assert.True(silentPlan.Succeeded, silentPlan.Error?.ToString());
        Assert.Equal(["Kind"], Keys((await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, silent, Plan(PlanKind.ChildInNeed, today, sw)))).Error));

        Assert.True(Assert.Single((await UseAsync(s => s.GetRequiredService<PlanQueries>().ForChildAsync(sw, silent))).Value).VoiceMissing);
        Assert.False(Assert.Single((await UseAsync(s => s.GetRequiredService<PlanQueries>().ForChildAsync(sw, heard))).Value).VoiceMissing);

        // Child in need review: 12 weeks from 16 November 2026 is Monday 8 February 2027, a working day.
        var review = Assert.Single(await ClocksAsync(silent));
        Assert.Equal(TimescaleKind.ChildInNeedReview, review.Kind);
        Assert.Equal(Utc(2027, 2, 8, 17, 0), review.DueAt);

        // History: one revision per change, newest first.
        Assert.True((await UseAsync(s => s.GetRequiredService<ChangePlan>().AddOutcomeAsync(sw, silentPlan.Value, "Sleeps in her own bed every night"))).Succeeded);
        var view = (await UseAsync(s => s.GetRequiredService<PlanQueries>().GetAsync(sw, silentPlan.Value))).Value;
        var outcome = view.Outcomes.Single(o => o.Number == 2);
        Assert.True((await UseAsync(s => s.GetRequiredService<ChangePlan>().RecordProgressAsync(sw, silentPlan.Value, outcome.Id, OutcomeProgress.SomeProgress, "Most nights"))).Succeeded);
        Assert.True((await UseAsync(s => s.GetRequiredService<ChangePlan>().AddActionAsync(sw, silentPlan.Value,
            new ActionInput("Bedtime routine work with mum", sw.PractitionerId, null, new DateOnly(2026, 12, 1))))).Succeeded);
        Assert.Equal(["OutcomeText"], Keys((await UseAsync(s => s.GetRequiredService<ChangePlan>().AddOutcomeAsync(sw, silentPlan.Value, " "))).Error));
        view = (await UseAsync(s => s.GetRequiredService<PlanQueries>().GetAsync(sw, silentPlan.Value))).Value;
        Assert.Equal([4, 3, 2, 1], view.History.Select(h => h.Number));
        Assert.StartsWith("Child in need plan made", view.History[3].Change);
        Assert.StartsWith("Outcome 2 added", view.History[2].Change);
        Assert.StartsWith("Outcome 2: some progress", view.History[1].Change);
        Assert.StartsWith("Action added: Bedtime routine", view.History[0].Change);
        Assert.True(view.VoiceMissing);

        // A review that hears the child clears the flag.
        App.Clock.Now = Utc(2026, 12, 14, 10, 0);
        var reviewed = await UseAsync(s => s.GetRequiredService<ReviewPlan>().ReviewAsync(sw, silentPlan.Value, new ReviewForm(new DateOnly(2026, 12, 14), null,
            "Sleeping better; attending school", new ChildVoice("I like my new bed", VoiceMethod.PlayOrDrawing, "Angharad Lewis", new DateOnly(2026, 12, 14)),
            FamilyViews.None, new DateOnly(2027, 3, 1), null)));
        Assert.True(reviewed.Succeeded, reviewed.Error?.ToString());
        Assert.False(Assert.Single((await UseAsync(s => s.GetRequiredService<PlanQueries>().ForChildAsync(sw, silent))).Value).VoiceMissing);
    }

    [Fact]
    public async Task Visits_feed_last_seen_by_anyone_and_by_each_agency_and_an_attempt_that_did_not_see_the_child_does_not_count()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var nursing = await Parties.AgencyAsync("School nursing", AgencyKind.SchoolNursing);
        var sw = await Parties.WorkerAsync(csc, "Dylan", "Morris");
        var nurse = await Parties.WorkerAsync(nursing, "Ffion", "Jones");
        var child = await Parties.ChildAsync("Seen");
        await Parties.InvolveAsync(child, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(child, nurse, InvolvementRole.SchoolNurse);
        Task<Result<Guid>> Visit(Actor who, VisitForm form) => UseAsync(s => s.GetRequiredService<RecordVisit>().RunAsync(who, child, form));

        var contradictory = await Visit(sw, new VisitForm(VisitPlace.Home, Utc(2026, 11, 14, 10, 0), true, false, true, true, true, null, "No reply"));
        Assert.Equal(["ChildSeen"], Keys(contradictory.Error));
        var bedroomAtSchool = await Visit(nurse, new VisitForm(VisitPlace.School, Utc(2026, 11, 12, 10, 0), true, true, true, true, true, null, "Drop-in"));
        Assert.Equal(["BedroomSeen"], Keys(bedroomAtSchool.Error));
        Assert.Equal(["BedroomSeen"], Keys((await Visit(sw, new VisitForm(VisitPlace.Home, Utc(2026, 11, 10, 10, 0), true, true, true, true, null, null, "Home visit"))).Error));
        Assert.Equal(["OccurredAt"], Keys((await Visit(sw, new VisitForm(VisitPlace.Office, Utc(2026, 11, 17, 10, 0), true, true, true, true, null, null, "Tomorrow"))).Error));

        Assert.True((await Visit(sw, new VisitForm(VisitPlace.Home, Utc(2026, 11, 10, 10, 0), true, true, true, true, true, "Mum and the child", "Home visit, bedroom seen"))).Succeeded);
        Assert.True((await Visit(nurse, new VisitForm(VisitPlace.School, Utc(2026, 11, 12, 10, 0), true, true, true, false, null, null, "Health check at school"))).Succeeded);
        // Later: a visit where only mum was seen, and a planned visit with no reply. Neither sees the child.
        Assert.True((await Visit(sw, new VisitForm(VisitPlace.Home, Utc(2026, 11, 13, 10, 0), false, true, false, null, null, "Mum", "Child at school"))).Succeeded);
        var attempt = await Visit(sw, new VisitForm(VisitPlace.Home, Utc(2026, 11, 14, 10, 0), true, false, false, null, null, null, "No reply at the door"));
        Assert.True(attempt.Succeeded, attempt.Error?.ToString());

        await using var db = App.CreateContext();
        var byAgency = await LastSeen.ByAgencyAsync(db, child, default);
        Assert.Equal([(nursing.AgencyId, Utc(2026, 11, 12, 10, 0)), (csc.AgencyId, Utc(2026, 11, 10, 10, 0))], byAgency.Select(s => (s.AgencyId, s.At)));
        Assert.Equal(EventType.HomeVisit, byAgency[1].Type);
        Assert.Equal(sw.Name, byAgency[1].Author);
        Assert.Equal(Utc(2026, 11, 12, 10, 0), (await LastSeen.ForChildrenAsync(db, [child], default))[child]);
        var failed = await db.ChronologyEvents.AsNoTracking().SingleAsync(e => e.Id == attempt.Value);
        Assert.Equal(EventType.ContactAttempt, failed.Type);
        Assert.True(failed.Significant);
        Assert.False(failed.Facts.ChildSeen);
    }

    [Fact]
    public async Task A_child_with_complex_needs_who_has_turned_16_gets_a_transition_clock_that_a_transition_plan_with_a_lead_meets()
    {
        App.Clock.Now = Utc(2026, 11, 16, 10, 0);
        var csc = await Parties.AgencyAsync("Children's services", AgencyKind.ChildrensSocialCare);
        var yot = await Parties.AgencyAsync("Youth justice", AgencyKind.YouthJustice);
        var gp = await Parties.AgencyAsync("Riverside Surgery", AgencyKind.GeneralPractice);
        var sw = await Parties.WorkerAsync(csc, "Nia", "Pugh");
        var yjw = await Parties.WorkerAsync(yot, "Rhys", "Owen");
        var doctor = await Parties.WorkerAsync(gp, "Dr Ifan", "Lloyd");

        // Turned 16 on 1 September with two targeted services: complex needs. The others are too young, too old, or
        // known only to their GP.
        var complex = await Parties.ChildAsync("Carys", new DateOnly(2010, 9, 1));
        await Parties.InvolveAsync(complex, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(complex, yjw, InvolvementRole.YouthJusticeWorker);
        var universalOnly = await Parties.ChildAsync("Dafydd", new DateOnly(2010, 10, 1));
        await Parties.InvolveAsync(universalOnly, doctor, InvolvementRole.GeneralPractitioner);
        var young = await Parties.ChildAsync("Elis", new DateOnly(2011, 1, 1));
        await Parties.InvolveAsync(young, sw, InvolvementRole.AllocatedSocialWorker, lead: true);
        await Parties.InvolveAsync(young, yjw, InvolvementRole.YouthJusticeWorker);

        var first = await UseAsync(s => s.GetRequiredService<WatchTimescales>().RunAsync());
        await UseAsync(s => s.GetRequiredService<WatchTimescales>().RunAsync());
        Assert.True(first.TransitionsStarted >= 1);
        var clock = Assert.Single(await ClocksAsync(complex), t => t.Kind == TimescaleKind.TransitionPlan);
        Assert.Equal(Utc(2026, 9, 1, 0, 0), clock.StartedAt);
        Assert.Equal(Utc(2026, 12, 1, 17, 0), clock.DueAt); // three months from the sixteenth birthday, a Tuesday
        Assert.DoesNotContain(await ClocksAsync(universalOnly), t => t.Kind == TimescaleKind.TransitionPlan);
        Assert.DoesNotContain(await ClocksAsync(young), t => t.Kind == TimescaleKind.TransitionPlan);

        // The plan must say which adult services it works towards, and names its lead; it meets the clock.
        var noServices = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, complex, Plan(PlanKind.Transition, new DateOnly(2026, 11, 16), sw)));
        Assert.Contains("AdultServices", Keys(noServices.Error));
        var made = await UseAsync(s => s.GetRequiredService<StartPlan>().RunAsync(sw, complex,
            Plan(PlanKind.Transition, new DateOnly(2026, 11, 16), sw) with { AdultServices = AdultServices.AdultSocialCare | AdultServices.PoliceOrProbation }));
        Assert.True(made.Succeeded, made.Error?.ToString());
        var met = Assert.Single(await ClocksAsync(complex), t => t.Kind == TimescaleKind.TransitionPlan);
        Assert.Equal(TimescaleStatus.Completed, met.Status);
        await using var db = App.CreateContext();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == made.Value);
        Assert.Equal("Nia Pugh", plan.LeadName);
        Assert.Equal(AdultServices.AdultSocialCare | AdultServices.PoliceOrProbation, plan.AdultServices);
    }
}

public sealed class CaseworkClocksOnSqlite(SqliteAppFactory app) : CaseworkClockTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class CaseworkClocksOnPostgres(PostgresAppFactory app) : CaseworkClockTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
