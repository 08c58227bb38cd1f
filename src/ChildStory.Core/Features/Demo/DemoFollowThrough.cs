using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Domain.Referrals;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Gives the demo logins follow-through to see on their first visit: the social worker's share that the exploitation
/// team never acknowledged (the chaser catches up on it when the server starts), a share the school acknowledged and
/// acted on, a critical-moment referral to drug services that missed its fast track, a CAMHS referral waiting weeks
/// for allocation, and a Vulnerable Child notification waiting at the front door. All on children the social
/// worker's team works with; all with their steps in the children's stories.
/// </summary>
internal static class DemoFollowThrough
{
    public static async Task SeedAsync(ChildStoryDbContext db, DemoPartnership p, List<ReferralService> services, DateTimeOffset now, CancellationToken ct)
    {
        var team = p.SocialCareCaseTeams[0].Team.Id;
        var children = await db.Involvements.AsNoTracking().Where(i => i.TeamId == team && i.EndedOn == null)
            .Select(i => i.ChildId).Distinct().OrderBy(id => id).Take(5).ToListAsync(ct);
        if (children.Count < 5)
        {
            return;
        }
        var working = await DemoTime.CalendarAsync(db, ct);
        var worker = p.DemoSocialWorker;
        var csc = worker.AgencyId;
        DateTimeOffset WorkingDaysAgo(int days, int hourUtc) => DemoTime.WorkingDaysAgo(working, now, days, hourUtc);
        Task Story(Guid child, Guid agency, Guid? who, string author, EventType type, string summary, DateTimeOffset at, bool significant) =>
            FollowUpStory.WriteAsync(db, child, agency, who, author, type, summary, significant, ct, at);

        // 1. Sent to the exploitation team four working days ago; nobody acknowledged it.
        var sentAt = WorkingDaysAgo(4, 10);
        var due = working.Due(sentAt, DeadlineRule.WorkingDays(1));
        var silent = new Share(Guid.NewGuid(), children[0], worker.Id, worker.DisplayName, csc, "Seen with older males near the station",
            "Seen twice this week getting into a blue car driven by an adult male near Westmere station after school. Mother unaware.",
            LawfulBasis.SafeguardingWithoutConsent, "Telling mother may alert the adults involved", ShareUrgency.WithinWorkingDays, 1, sentAt);
        var cet = p.ExploitationTeam;
        silent.Recipients.Add(new ShareRecipient(Guid.NewGuid(), silent.Id, RecipientKind.Team, cet.Agency.Id, cet.Team.Id, null, $"{cet.Team.Name}, {cet.Agency.Name}", due.Due, due.Explanation, false));
        db.Shares.Add(silent);
        await Story(children[0], csc, worker.Id, worker.DisplayName, EventType.InformationShared, $"Shared \"{silent.Subject}\" with {cet.Team.Name} (without consent, to safeguard the child); acknowledgement due {working.Describe(due.Due)}", sentAt, false);

        // 2. Sent to the school two working days ago; the safeguarding lead acknowledged it and recorded what she did.
        var school = p.DemoSchool.Staff;
        var dsl = school.Members[1];
        var toSchoolAt = WorkingDaysAgo(2, 9);
        var schoolDue = working.Due(toSchoolAt, DeadlineRule.WorkingDays(0));
        var answered = new Share(Guid.NewGuid(), children[1], worker.Id, worker.DisplayName, csc, "Child protection plan: attendance is part of the plan",
            "The plan agreed yesterday asks school to tell us the same day of any absence.", LawfulBasis.LegalDuty, "Child protection plan (Children Act 1989, s.47)",
            ShareUrgency.SameWorkingDay, null, toSchoolAt);
        var schoolRecipient = new ShareRecipient(Guid.NewGuid(), answered.Id, RecipientKind.Agency, school.Agency.Id, null, null, school.Agency.Name, schoolDue.Due, schoolDue.Explanation, false);
        schoolRecipient.Acknowledge(dsl.Id, dsl.DisplayName, toSchoolAt.AddHours(2));
        schoolRecipient.RecordAction(dsl.Id, dsl.DisplayName, "Added to the register alert list; attendance officer will ring CSC by 10:00 on any absence", false, toSchoolAt.AddHours(3));
        answered.Recipients.Add(schoolRecipient);
        db.Shares.Add(answered);
        await Story(children[1], csc, worker.Id, worker.DisplayName, EventType.InformationShared, $"Shared \"{answered.Subject}\" with {school.Agency.Name} (under a legal duty)", toSchoolAt, false);
        await Story(children[1], school.Agency.Id, dsl.Id, dsl.DisplayName, EventType.ShareActioned, $"{dsl.DisplayName} ({school.Agency.Name}) recorded the action taken on \"{answered.Subject}\": {schoolRecipient.ActionTaken}", toSchoolAt.AddHours(3), false);

        // 3. A critical moment: he asked for help with drugs; the fast track was missed.
        var drugs = services.Single(s => s.Kind == ServiceKind.DrugAndAlcohol);
        var referredAt = WorkingDaysAgo(3, 11);
        var fast = new Referral(Guid.NewGuid(), children[2], drugs.Id, worker.Id, worker.DisplayName, csc, "Daily cannabis and ketamine use; wants to stop.", referredAt);
        fast.Advance(ReferralStage.Received, null, referredAt.AddHours(5));
        fast.MarkCriticalMoment("Said today he is ready to see someone and asked me to arrange it", referredAt.AddDays(1));
        var fastDue = working.Due(referredAt.AddDays(1), DeadlineRule.CalendarHours(drugs.FastTrackHours));
        fast.SetNextDue(fastDue.Due, $"Critical moment: {drugs.Name} fast-tracks each step to {drugs.FastTrackHours} hours. Next: for a decision (accept or decline). {fastDue.Explanation}");
        db.Referrals.Add(fast);
        await Story(children[2], csc, worker.Id, worker.DisplayName, EventType.CriticalMoment, $"Critical moment for the referral to {drugs.Name}: said he is ready to see someone.", referredAt.AddDays(1), true);

        // 4. CAMHS accepted six weeks ago and has not allocated.
        var camhs = services.Single(s => s.Kind == ServiceKind.Camhs);
        var longAgo = WorkingDaysAgo(30, 10);
        var waiting = new Referral(Guid.NewGuid(), children[3], camhs.Id, worker.Id, worker.DisplayName, csc, "Low mood, self-harm (superficial cuts), not sleeping.", longAgo);
        waiting.Advance(ReferralStage.Received, null, longAgo.AddDays(1));
        waiting.Advance(ReferralStage.Accepted, null, longAgo.AddDays(7));
        var allocateDue = working.Due(longAgo.AddDays(7), DeadlineRule.WorkingDays(camhs.AllocateDays));
        waiting.SetNextDue(allocateDue.Due, $"{camhs.Name}'s target to be allocated to a worker: {camhs.AllocateDays} working days. {allocateDue.Explanation}");
        db.Referrals.Add(waiting);
        await Story(children[3], csc, worker.Id, worker.DisplayName, EventType.ReferralMade, $"Referred to {camhs.Name}", longAgo, false);

        // 5. Last night's domestic incident with the child present, waiting at the front door.
        var police = p.ExploitationTeam.Agency;
        var lastNight = WorkingDaysAgo(1, 21);
        var contactDue = working.Due(lastNight, DeadlineRule.WorkingDays(1));
        db.Contacts.Add(new Contact(Guid.NewGuid(), children[4], ContactSource.VulnerableChildNotification, police.Name,
            "Domestic incident at the home at 21:10; child in the next room, heard shouting. Partner arrested.", null, lastNight, contactDue.Due,
            $"A front-door decision is due within 1 working day. {contactDue.Explanation}", null));
        await Story(children[4], police.Id, null, "PC 4471", EventType.PoliceIncident, "Domestic incident at the home; child present", lastNight, true);
        await db.SaveChangesAsync(ct);
    }
}
