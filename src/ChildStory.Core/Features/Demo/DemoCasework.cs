using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Notifications;
using ChildStory.Domain.People;
using ChildStory.Features.Plans;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Gives the demo social worker's team the team-around-the-child work the reviews were about, on six of its children
/// (not the five the follow-through uses): contact resting on one worker (Child A); a child protection plan whose
/// CAMHS worker is giving notice that would leave social care alone (James); a child in need plan with no child's
/// views and an overdue review; a strategy discussion whose initial conference is close and was called at short
/// notice for the GP; a return from missing whose interview is due; and a change of worker not yet introduced.
/// </summary>
internal static class DemoCasework
{
    public static async Task SeedAsync(ChildStoryDbContext db, DemoPartnership p, DateTimeOffset now, CancellationToken ct)
    {
        var team = p.SocialCareCaseTeams[0];
        var children = await db.Involvements.AsNoTracking().Where(i => i.TeamId == team.Team.Id && i.EndedOn == null)
            .Select(i => i.ChildId).Distinct().OrderBy(id => id).Skip(5).Take(6).ToListAsync(ct);
        if (children.Count < 6)
        {
            return;
        }
        var working = await DemoTime.CalendarAsync(db, ct);
        var options = new CaseworkOptions();
        var worker = p.DemoSocialWorker;
        var csc = worker.AgencyId;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset Ago(int workingDays, int hour = 10) => DemoTime.WorkingDaysAgo(working, now, workingDays, hour);
        Task<ChronologyEvent> Story(Guid child, Guid agency, Guid? who, string author, EventType type, string summary, DateTimeOffset at, bool significant) =>
            FollowUpStory.WriteAsync(db, child, agency, who, author, type, summary, significant, ct, at);
        var childA = children[0];
        var subjectA = await db.People.AsNoTracking().Where(x => x.Id == childA)
            .Select(x => new EventSubject(x.GivenName, x.FamilyName, x.DateOfBirth, null, null, x.NhsNumber, x.Upn, null)).SingleAsync(ct);
        ChronologyEvent Visit(Guid child, Guid agency, Domain.Partnership.Practitioner who, EventType type, DateTimeOffset at, bool alone, bool? bedroom, string summary)
        {
            var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), agency, who.Id, who.DisplayName, type, at, at, summary, subjectA, child);
            e.Describe(null, false, Verification.Verified, new EventFacts(Planned: true, Successful: true, ChildSeen: true, ChildSeenAlone: alone, BedroomSeen: bedroom));
            db.ChronologyEvents.Add(e);
            return e;
        }

        // 1. Child A: every agency leans on one worker. Seven of nine contacts in five months are the social worker's.
        var nurse = p.SchoolNursing.Members[1];
        db.Involvements.Add(new Involvement(Guid.NewGuid(), childA, p.SchoolNursing.Agency.Id, p.SchoolNursing.Team.Id, nurse.Id, InvolvementRole.SchoolNurse, today.AddDays(-200)));
        for (var i = 0; i < 7; i++)
        {
            Visit(childA, csc, worker, EventType.HomeVisit, Ago(3 + (i * 14)), alone: i % 2 == 0, bedroom: i % 3 == 0, "Home visit: child seen");
        }
        Visit(childA, p.SchoolNursing.Agency.Id, nurse, EventType.Visit, Ago(40), alone: true, bedroom: null, "Health review at school: child seen alone");
        var dsl = p.DemoSchool.Staff.Members[1];
        Visit(childA, p.DemoSchool.Staff.Agency.Id, dsl, EventType.Visit, Ago(60), alone: true, bedroom: null, "Met with the designated safeguarding lead");
        var tac = new Plan(Guid.NewGuid(), childA, PlanKind.TeamAroundTheChild, today.AddDays(-120), today.AddDays(20), worker.Id, worker.DisplayName, csc,
            new ChildVoice("Priya is the only one I talk to. I don't want to start again with someone new.", VoiceMethod.ConversationSeenAlone, worker.DisplayName, today.AddDays(-121)),
            new FamilyViews("Mother says the social worker is the only person who listens.", true, null), null, AdultServices.None);
        tac.Outcomes.Add(new PlanOutcome(Guid.NewGuid(), tac.Id, 1, "Has a trusted adult at school as well as at home"));
        db.Plans.Add(tac);
        await PlanHistory.AddAsync(db, tac, worker.DisplayName, "Team around the child plan made", ct);

        // 2. James: a child protection plan; school nursing closed for non-engagement; CAMHS gives notice after he
        // asked to stop, which would leave social care alone.
        var james = children[1];
        var others = await db.Involvements.Where(i => i.ChildId == james && i.AgencyId != csc && i.EndedOn == null && !UniversalServices.Roles.Contains(i.Role)).ToListAsync(ct);
        foreach (var other in others)
        {
            var closed = today.AddDays(-40) < other.StartedOn ? other.StartedOn : today.AddDays(-40);
            other.End(closed, "Closed: did not engage with three offered appointments");
        }
        var clinician = p.Camhs.Members[1];
        var camhs = new Involvement(Guid.NewGuid(), james, p.Camhs.Agency.Id, p.Camhs.Team.Id, clinician.Id, InvolvementRole.Clinician, today.AddDays(-300));
        db.Involvements.Add(camhs);
        var strategyAt = Ago(40, 11);
        var strategy = Held(MeetingType.StrategyDiscussion, james, strategyAt, MeetingFormat.Telephone, worker, csc, MeetingOutcome.Section47Enquiry,
            "Section 47 enquiry: three overdoses in six months, missing overnight twice.");
        db.Meetings.Add(strategy);
        var icpcClock = TimescaleClock.Start(db, working, options, james, TimescaleKind.InitialChildProtectionConference, strategyAt, "Strategy discussion", team.Team.Id, meetingId: strategy.Id);
        var icpcAt = Ago(28, 10);
        var icpc = Held(MeetingType.InitialChildProtectionConference, james, icpcAt, MeetingFormat.InPerson, worker, csc, MeetingOutcome.ChildProtectionPlan,
            "Child protection plan under neglect. CAMHS to offer weekly sessions; school nursing to review health needs.");
        db.Meetings.Add(icpc);
        icpcClock.Complete(icpcAt, "Initial child protection conference", null, icpc.Id);
        var coreClock = TimescaleClock.Start(db, working, options, james, TimescaleKind.FirstCoreGroup, icpcAt, "Initial conference", team.Team.Id, meetingId: icpc.Id);
        TimescaleClock.Start(db, working, options, james, TimescaleKind.FirstReviewConference, icpcAt, "Initial conference", team.Team.Id, meetingId: icpc.Id);
        var coreAt = Ago(20, 14);
        var core = Held(MeetingType.CoreGroup, james, coreAt, MeetingFormat.Hybrid, worker, csc, MeetingOutcome.PlanContinues, "Plan reviewed; CAMHS reports no attendance since the conference.");
        db.Meetings.Add(core);
        coreClock.Complete(coreAt, "Core group", null, core.Id);
        var cp = new Plan(Guid.NewGuid(), james, PlanKind.ChildProtection, DateOnly.FromDateTime(icpcAt.UtcDateTime), DateOnly.FromDateTime(icpcAt.UtcDateTime).AddMonths(3),
            worker.Id, worker.DisplayName, csc, new ChildVoice("I'm sick of telling people the same thing.", VoiceMethod.ConversationWithTheChild, worker.DisplayName, DateOnly.FromDateTime(icpcAt.UtcDateTime).AddDays(-2)),
            new FamilyViews("Father thinks services give up on him.", true, null), ProtectionCategory.Neglect, AdultServices.None);
        cp.Outcomes.Add(new PlanOutcome(Guid.NewGuid(), cp.Id, 1, "Is safe from overdose and has a plan for the moments he feels worst"));
        cp.Outcomes.Add(new PlanOutcome(Guid.NewGuid(), cp.Id, 2, "Is in education or training every week"));
        db.Plans.Add(cp);
        db.AgreedActions.Add(new AgreedAction(Guid.NewGuid(), james, core.Id, cp.Id, "Offer CAMHS sessions at the youth centre rather than the clinic", p.Camhs.Agency.Id, clinician.Id,
            $"{clinician.DisplayName}, {p.Camhs.Agency.Name}", DateOnly.FromDateTime(coreAt.UtcDateTime).AddDays(10), coreAt));
        await PlanHistory.AddAsync(db, cp, worker.DisplayName, "Child protection plan made at the initial conference", ct);
        foreach (var (m, type) in new[] { (strategy, EventType.MeetingHeld), (icpc, EventType.MeetingHeld), (core, EventType.MeetingHeld) })
        {
            await Story(james, csc, worker.Id, worker.DisplayName, type, $"{Meeting.Describe(m.Type)} held: {Meeting.Describe(m.Outcome)}. {m.Decisions}", m.HeldAt!.Value, m.Type != MeetingType.CoreGroup);
        }
        var proposedAt = Ago(1, 15);
        var notice = working.Due(proposedAt, Calendar.DeadlineRule.WorkingDays(options.WithdrawalNoticeWorkingDays));
        var withdrawal = new Withdrawal(Guid.NewGuid(), james, camhs.Id, p.Camhs.Agency.Id, clinician.Id, clinician.DisplayName, proposedAt,
            "He asked us to stop after three missed appointments; we close cases after three did-not-attends.", WithdrawalRisk.High,
            "Three overdoses in six months. Without CAMHS no one assesses his mental health; social care would be the only service left.",
            WithdrawalRoute.NoticeToTeam, null, notice.Due, notice.Explanation, leavesOneAgency: true, remainingAgencyId: csc);
        db.Withdrawals.Add(withdrawal);
        await Story(james, p.Camhs.Agency.Id, clinician.Id, clinician.DisplayName, EventType.WithdrawalProposed,
            $"{p.Camhs.Agency.Name} gave notice of ending its involvement. WARNING: this would leave {team.Agency.Name} as the only agency working with a child on a child protection plan.", proposedAt, true);
        db.Notifications.Add(new Notification(Guid.NewGuid(), worker.Id, james, "You would be the only agency left working with a child on a plan",
            "If you think this leaves the child unsafe, contest the withdrawal or escalate it through resolution of professional differences.", $"/withdrawals/{withdrawal.Id}", proposedAt));

        // 3. A child in need plan without the child's views, its review two weeks overdue, an action overdue.
        var cin = children[2];
        var cinStart = today.AddDays(-98);
        var cinPlan = new Plan(Guid.NewGuid(), cin, PlanKind.ChildInNeed, cinStart, cinStart.AddDays(84), worker.Id, worker.DisplayName, csc, ChildVoice.None,
            new FamilyViews("Mother wants help with the younger children's bedtimes.", true, null), null, AdultServices.None);
        cinPlan.Outcomes.Add(new PlanOutcome(Guid.NewGuid(), cinPlan.Id, 1, "Gets to school on time, fed and in clean uniform"));
        db.Plans.Add(cinPlan);
        db.AgreedActions.Add(new AgreedAction(Guid.NewGuid(), cin, null, cinPlan.Id, "Refer to the young carers service", csc, worker.Id, $"{worker.DisplayName}, {team.Agency.Name}",
            today.AddDays(-21), new DateTimeOffset(cinStart.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)));
        TimescaleClock.Start(db, working, options, cin, TimescaleKind.ChildInNeedReview, new DateTimeOffset(cinStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            "Child in need plan", team.Team.Id);
        await PlanHistory.AddAsync(db, cinPlan, worker.DisplayName, "Child in need plan made", ct);
        await Story(cin, csc, worker.Id, worker.DisplayName, EventType.PlanStarted, "Child in need plan made. Flagged: the child's views are not recorded.",
            new DateTimeOffset(cinStart.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), true);

        // 4. A strategy discussion twelve working days ago; the initial conference is in two working days, short notice for the GP.
        var s47 = children[3];
        var s47At = Ago(12, 9);
        var s47Meeting = Held(MeetingType.StrategyDiscussion, s47, s47At, MeetingFormat.Telephone, worker, csc, MeetingOutcome.Section47Enquiry,
            "Section 47 enquiry: unexplained bruising reported by school.");
        db.Meetings.Add(s47Meeting);
        TimescaleClock.Start(db, working, options, s47, TimescaleKind.InitialChildProtectionConference, s47At, "Strategy discussion", team.Team.Id, meetingId: s47Meeting.Id);
        await Story(s47, csc, worker.Id, worker.DisplayName, EventType.MeetingHeld, $"Strategy discussion held (telephone): {s47Meeting.Decisions}", s47At, true);
        var conferenceAt = DemoTime.WorkingDaysAhead(working, now, 2, 10);
        var invitedAt = Ago(1, 9);
        var conference = new Meeting(Guid.NewGuid(), s47, MeetingType.InitialChildProtectionConference, conferenceAt, MeetingFormat.InPerson, "Westmere Civic Centre, room 2",
            worker.Id, worker.DisplayName, csc, false, "Initial child protection conference", invitedAt);
        var required = options.NoticeFor(MeetingType.InitialChildProtectionConference);
        var given = working.NoticeWorkingDays(invitedAt, conferenceAt);
        conference.GoAheadAtShortNotice("The conference must be held within 15 working days of the strategy discussion");
        var gp = await db.Involvements.AsNoTracking().Where(i => i.ChildId == s47 && i.Role == InvolvementRole.GeneralPractitioner).Select(i => new { i.AgencyId, i.TeamId, i.PractitionerId }).FirstOrDefaultAsync(ct);
        conference.Invitations.Add(new MeetingInvitation(Guid.NewGuid(), conference.Id, csc, worker.Id, null, $"{worker.DisplayName}, {team.Agency.Name}", invitedAt, given, required));
        if (gp is { TeamId: { } gpTeam })
        {
            // The practice is invited as a team (any of its GPs may answer), as an organiser inviting the child's GP practice would.
            var gpName = await db.Teams.AsNoTracking().Where(t => t.Id == gpTeam).Select(t => t.Name + ", " + t.Agency!.Name).SingleAsync(ct);
            conference.Invitations.Add(new MeetingInvitation(Guid.NewGuid(), conference.Id, gp.AgencyId, null, gpTeam, gpName, invitedAt, given, required));
        }
        var schoolInvite = new MeetingInvitation(Guid.NewGuid(), conference.Id, p.DemoSchool.Staff.Agency.Id, dsl.Id, null, $"{dsl.DisplayName}, {p.DemoSchool.Staff.Agency.Name}", invitedAt, given, required);
        schoolInvite.Respond(InvitationResponse.Accepted, null);
        schoolInvite.SubmitReport("Bruising seen on Monday; attendance 81% this term; he says he is 'fine'.", dsl.DisplayName, invitedAt.AddHours(5));
        conference.Invitations.Add(schoolInvite);
        db.Meetings.Add(conference);

        // 5. Back from missing yesterday evening: the return home interview is due within 72 hours.
        var missing = children[4];
        var officer = p.DemoOfficer;
        var back = Ago(1, 20);
        var returned = await Story(missing, officer.AgencyId, officer.Id, officer.DisplayName, EventType.ReturnFromMissing, "Found at a friend's flat in Eastgate; returned home by police", back, true);
        TimescaleClock.Start(db, working, options, missing, TimescaleKind.ReturnHomeInterview, back, $"Return from missing reported by {officer.DisplayName}", team.Team.Id, eventId: returned.Id);

        // 6. A change of social worker: the new one (the demo login) started this week and has not yet met the child.
        var handed = children[5];
        var old = await db.Involvements.FirstOrDefaultAsync(i => i.ChildId == handed && i.TeamId == team.Team.Id && i.EndedOn == null && i.PractitionerId != worker.Id, ct);
        if (old is not null)
        {
            var wasLead = old.IsLeadProfessional;
            var until = today.AddDays(options.CoWorkingDays - 3);
            var previous = team.Members.FirstOrDefault(m => m.Id == old.PractitionerId)?.DisplayName ?? "the previous worker";
            old.End(until, $"Handed over to {worker.DisplayName}; co-working until {until:d MMM yyyy}");
            await db.SaveChangesAsync(ct);
            var successor = new Involvement(Guid.NewGuid(), handed, csc, team.Team.Id, worker.Id, old.Role, today.AddDays(-3));
            successor.TakeOverFrom(old.Id);
            if (wasLead)
            {
                successor.MakeLeadProfessional();
            }
            db.Involvements.Add(successor);
            await Story(handed, csc, worker.Id, worker.DisplayName, EventType.InvolvementStarted,
                $"Change of social worker: {worker.DisplayName} takes over from {previous}, co-working until {until:d MMM yyyy}. The introduction to the child is to be logged",
                new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), true);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Meeting Held(MeetingType type, Guid child, DateTimeOffset at, MeetingFormat format, Domain.Partnership.Practitioner organiser, Guid agency,
        MeetingOutcome outcome, string decisions)
    {
        var meeting = new Meeting(Guid.NewGuid(), child, type, at, format, format == MeetingFormat.Telephone ? null : "Westmere Civic Centre", organiser.Id,
            organiser.DisplayName, agency, false, null, at.AddDays(-3));
        meeting.Invitations.Add(new MeetingInvitation(Guid.NewGuid(), meeting.Id, agency, organiser.Id, null, organiser.DisplayName, at.AddDays(-3), 2, 0));
        meeting.Invitations[0].RecordAttendance(Attendance.Attended);
        meeting.RecordHeld(at, "Team manager", outcome, decisions, null, ChildVoice.None, null);
        return meeting;
    }
}
