using ChildStory.Data;
using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Demo;

/// <summary>
/// Education and SEND for the demo: every pupil with a school's safeguarding lead involvement is on that school's roll
/// with last half-term's attendance; among the children the demo social worker's team works with, two part-time
/// timetables (one past its planned end), three alternative provision placements (one unregistered and full time),
/// EHC plans (one with an overdue annual review), a permanent exclusion with no inclusion referral, and a child with
/// an EHC plan electively home educated. The local authority gets a SEND team. Fast: plain inserts, no tracking.
/// </summary>
internal static class DemoEducation
{
    public static async Task SeedAsync(ChildStoryDbContext db, DemoPartnership p, int seed, DateOnly today, CancellationToken ct)
    {
        var random = new Random(seed ^ 0x5EED);
        var csc = p.SocialCareCaseTeams[0].Agency.Id;
        var send = new Team(Guid.NewGuid(), csc, "SEND and inclusion", TeamFunction.Send);
        db.Teams.Add(send);

        var rolls = await db.Involvements.AsNoTracking()
            .Where(i => i.Role == InvolvementRole.DesignatedSafeguardingLead && i.EndedOn == null && i.Agency!.Kind == AgencyKind.School)
            .Select(i => new { i.ChildId, i.AgencyId, i.StartedOn }).ToListAsync(ct);
        var halfTermEnd = LastFridayBefore(today.AddDays(-7));
        var halfTermStart = halfTermEnd.AddDays(-46);
        foreach (var roll in rolls)
        {
            db.Enrolments.Add(new Enrolment(Guid.NewGuid(), roll.ChildId, roll.AgencyId, roll.StartedOn));
            // Most pupils attend well; about one in ten is persistently absent (below 90%).
            var possible = 66;
            var attended = random.Next(100) < 10 ? random.Next(20, 59) : random.Next(60, 67);
            db.AttendanceRecords.Add(new AttendanceRecord(Guid.NewGuid(), roll.ChildId, roll.AgencyId, halfTermStart, halfTermEnd, possible, attended, "import"));
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var team = p.SocialCareCaseTeams[0].Team.Id;
        // Children social care works with (the demo social worker's team first, so the demo login sees them) who are on a school roll.
        var worked = await db.Involvements.AsNoTracking().Where(i => i.AgencyId == csc && i.TeamId != null && i.EndedOn == null)
            .Select(i => new { i.ChildId, Own = i.TeamId == team }).ToListAsync(ct);
        var schoolOf = rolls.GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => g.First().AgencyId);
        var known = worked.GroupBy(w => w.ChildId).Where(g => schoolOf.ContainsKey(g.Key))
            .OrderByDescending(g => g.Any(w => w.Own)).ThenBy(g => g.Key)
            .Select(g => new { Child = g.Key, School = schoolOf[g.Key] }).Take(12).ToList();
        if (known.Count < 12 || p.AlternativeProviders.Count < 2)
        {
            return;
        }
        void Involve(Guid child, Guid agency, Guid? teamId, InvolvementRole role, DateOnly from) => db.Involvements.Add(new Involvement(Guid.NewGuid(), child, agency, teamId, null, role, from));

        db.PartTimeTimetables.Add(new PartTimeTimetable(Guid.NewGuid(), known[0].Child, known[0].School, 12, today.AddDays(-70), today.AddDays(-14), today.AddDays(-21), "Anxiety about returning after illness"));
        db.PartTimeTimetables.Add(new PartTimeTimetable(Guid.NewGuid(), known[1].Child, known[1].School, 15, today.AddDays(-10), today.AddDays(32), today.AddDays(11), "Phased return after a suspension"));

        var unregistered = new AlternativeProvisionPlacement(Guid.NewGuid(), known[2].Child, p.AlternativeProviders[0].Agency.Id, false, Commissioner.School, 25, today.AddDays(-40), null,
            "Assistant head (inclusion)", 7, true, true);
        var registered = new AlternativeProvisionPlacement(Guid.NewGuid(), known[3].Child, p.AlternativeProviders[1].Agency.Id, true, Commissioner.LocalAuthority, 15, today.AddDays(-90), null,
            "Inclusion officer", 7, true, true);
        registered.RecordContact(today.AddDays(-3));
        var partTime = new AlternativeProvisionPlacement(Guid.NewGuid(), known[4].Child, p.AlternativeProviders[0].Agency.Id, false, Commissioner.LocalAuthority, 6, today.AddDays(-30), null,
            "Inclusion officer", 7, false, false);
        foreach (var placement in new[] { unregistered, registered, partTime })
        {
            db.ApPlacements.Add(placement);
            Involve(placement.ChildId, placement.ProviderId, null, InvolvementRole.KeyWorker, placement.StartedOn);
        }

        EhcPlan Plan(Guid child, int requestedDaysAgo, int issuedDaysAgo, int? reviewedDaysAgo, string setting)
        {
            var plan = new EhcPlan(Guid.NewGuid(), child, today.AddDays(-requestedDaysAgo), "School SENCo");
            plan.Issue(today.AddDays(-issuedDaysAgo), setting);
            if (reviewedDaysAgo is { } r) { plan.Review(today.AddDays(-r), null); }
            db.EhcPlans.Add(plan);
            Involve(child, csc, send.Id, InvolvementRole.CaseOfficer, plan.RequestedOn);
            return plan;
        }
        Plan(known[5].Child, 900, 760, null, "The child's mainstream school with support"); // annual review overdue
        Plan(known[6].Child, 600, 460, 100, "Westmere Park Special School");
        Plan(known[2].Child, 500, 360, 20, "The child's mainstream school with support");
        var assessing = new EhcPlan(Guid.NewGuid(), known[7].Child, today.AddDays(-60), "Parent");
        db.EhcPlans.Add(assessing);
        Involve(known[7].Child, csc, send.Id, InvolvementRole.CaseOfficer, assessing.RequestedOn);

        db.Exclusions.Add(new Exclusion(Guid.NewGuid(), known[8].Child, known[8].School, ExclusionKind.Permanent, today.AddDays(-12), null, "Persistent disruptive behaviour"));
        db.Exclusions.Add(new Exclusion(Guid.NewGuid(), known[9].Child, known[9].School, ExclusionKind.Suspension, today.AddDays(-20), 3, "Physical assault on a pupil"));

        // A child with an EHC plan whose family chose home education: off the school roll, the plan still in force.
        var home = known[10];
        Plan(home.Child, 700, 560, 200, "Westmere Park Special School");
        db.HomeEducation.Add(new ElectiveHomeEducation(Guid.NewGuid(), home.Child, today.AddDays(-45), "Parents felt the school could not meet his needs"));
        var homeRoll = await db.Enrolments.FirstAsync(e => e.ChildId == home.Child && e.SchoolId == home.School && e.EndedOn == null, ct);
        homeRoll.End(today.AddDays(-45), "Electively home educated");
        var dsl = await db.Involvements.FirstAsync(i => i.ChildId == home.Child && i.AgencyId == home.School && i.EndedOn == null, ct);
        dsl.End(today.AddDays(-45), "Off roll: electively home educated");

        db.TransportArrangements.Add(new TransportArrangement(Guid.NewGuid(), known[11].Child, known[11].School, today.AddDays(-8), "Taxi with a passenger assistant"));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DateOnly LastFridayBefore(DateOnly day)
    {
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(-1);
        }
        return day;
    }
}
