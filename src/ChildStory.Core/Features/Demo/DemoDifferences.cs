using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Escalation;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Professional differences in the demo social worker's team, on the children <see cref="DemoCasework"/> set up: the
/// CAMHS withdrawal that would leave social care alone (James) taken to stage 2 after CAMHS did not answer; a missing
/// police report overdue at stage 1 (Child B); and one resolved at stage 1 with what changed for the child.
/// </summary>
internal static class DemoDifferences
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
        var stages = EscalationOptions.DefaultStages();
        var worker = p.DemoSocialWorker;
        var csc = worker.AgencyId;
        DateTimeOffset Ago(int workingDays, int hour = 10) => DemoTime.WorkingDaysAgo(working, now, workingDays, hour);
        ProfessionalDifference Raise(Guid child, DateTimeOffset at, Guid agency, string concerns, string why, string outcome, DifferenceLink link = DifferenceLink.None, Guid? linkId = null, string? linkText = null)
        {
            var d = new ProfessionalDifference(Guid.NewGuid(), child, worker.Id, worker.DisplayName, csc, at, concerns, agency, null, why, outcome, link, linkId, linkText);
            var due = working.Due(at, stages[0].Rule);
            d.Start(stages[0].Name, due.Due, due.Explanation);
            db.ProfessionalDifferences.Add(d);
            return d;
        }
        Task Story(Guid child, Guid agency, string author, EventType type, string summary, DateTimeOffset at) =>
            FollowUpStory.WriteAsync(db, child, agency, author == worker.DisplayName ? worker.Id : null, author, type, summary, true, ct, at);

        // 1. James: CAMHS giving notice would leave social care alone; CAMHS did not answer stage 1, so it went to managers.
        var james = children[1];
        var withdrawal = await db.Withdrawals.AsNoTracking().Where(w => w.ChildId == james).FirstOrDefaultAsync(ct);
        var raisedAt = Ago(8);
        var alone = Raise(james, raisedAt, p.Camhs.Agency.Id, "CAMHS is closing the case after three missed appointments while he has had three overdoses in six months",
            "Social care would be the only agency left; nobody would assess his mental health", "CAMHS stays involved and offers sessions at the youth centre",
            withdrawal is null ? DifferenceLink.None : DifferenceLink.Withdrawal, withdrawal?.Id, withdrawal is null ? null : $"Withdrawal proposed {withdrawal.ProposedAt:d MMM yyyy}");
        var stage1Due = alone.Stages[0].DueAt;
        var movedAt = stage1Due.AddHours(18);
        var next = working.Due(movedAt, stages[1].Rule);
        alone.MoveUp(stages.Count, stages[1].Name, next.Due, next.Explanation, "CAMHS did not answer by the due time", movedAt);
        await Story(james, csc, worker.DisplayName, EventType.DifferenceRaised, $"{worker.DisplayName} raised a professional difference with {p.Camhs.Agency.Name}: {alone.Concerns}", raisedAt);
        await Story(james, csc, FollowUpStory.Automatic, EventType.DifferenceStageOverdue, "Professional difference: stage 1 was not answered in time; the raiser was offered the next stage", stage1Due.AddHours(1));
        await Story(james, csc, worker.DisplayName, EventType.DifferenceMovedUp, $"{worker.DisplayName} moved the professional difference to stage 2 ({stages[1].Name})", movedAt);

        // 2. Child B: no police report after a serious incident the child witnessed; stage 1 overdue and unanswered.
        var witness = children[4];
        var police = p.PoliceTeams[0].Agency.Id;
        var report = Raise(witness, Ago(7), police, "No police report to children's services after the serious incident the child witnessed",
            "Social care heard from a third party; no one has assessed the harm to the child", "The police report today, and a strategy discussion is arranged");
        await Story(witness, csc, worker.DisplayName, EventType.DifferenceRaised, $"{worker.DisplayName} raised a professional difference with {p.PoliceTeams[0].Agency.Name}: {report.Concerns}", report.RaisedAt);

        // 3. Resolved at stage 1: the school nurse's health assessment was not booked; it now is.
        var cin = children[2];
        var nursing = p.SchoolNursing;
        var resolved = Raise(cin, Ago(15), nursing.Agency.Id, "The health needs assessment agreed at the review has not been booked",
            "She has not seen a health professional for over a year", "An appointment within two weeks");
        resolved.Respond(nursing.Members[1].Id, nursing.Members[1].DisplayName, StageAnswer.Agreed, "We missed the referral in our inbox", "Booked for next Tuesday", Ago(13));
        resolved.Resolve(worker.DisplayName, "Appointment booked and attended", "She was seen alone by the school nurse and is now on the hearing clinic list", Ago(9));
        await Story(cin, csc, worker.DisplayName, EventType.DifferenceRaised, $"{worker.DisplayName} raised a professional difference with {nursing.Agency.Name}: {resolved.Concerns}", resolved.RaisedAt);
        await Story(cin, csc, worker.DisplayName, EventType.DifferenceResolved, "Professional difference resolved at stage 1: appointment booked and attended", Ago(9));
        await db.SaveChangesAsync(ct);
    }
}
