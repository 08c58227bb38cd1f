using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;

namespace ChildStory.Features.Demo;

/// <summary>
/// Who works with each child: every child has a GP, school-age children a school; a minority are known to
/// social care, early help, police, CAMHS, youth justice and the rest, in proportions an English county might
/// see. Some involvements have ended (some recently); most children with two or more targeted services have a
/// lead professional, a few deliberately do not, so the gap shows.
/// </summary>
internal sealed class DemoInvolvementGenerator(DemoRandom random, DemoPartnership p, DateOnly today)
{
    private readonly DemoStoryGenerator _stories = new(random, p, today);

    private static readonly string[] ClosureReasons = ["Outcomes achieved; case closed", "Stepped down to early help", "Family moved out of the area", "Closed: young person declined further contact", "Closed after three missed appointments"];

    public void Add(DemoFamily family)
    {
        var socialCare = random.Chance(0.12) ? random.Pick(p.SocialCareCaseTeams) : null;
        var socialWorker = socialCare?.Worker(random);
        var earlyHelp = socialCare is null && random.Chance(0.06);
        var gp = random.Pick(p.GpPractices);
        foreach (var child in family.Children)
        {
            var age = child.AgeOn(today) ?? 0;
            var start = child.DateOfBirth!.Value > family.MovedIn ? child.DateOfBirth.Value : family.MovedIn;
            var targeted = new List<Involvement>();
            Add(family, child, gp, gp.Worker(random), InvolvementRole.GeneralPractitioner, start);
            if (age is >= 4 and <= 16)
            {
                var phase = random.Chance(0.02) ? SchoolPhase.Special : age < 11 ? SchoolPhase.Primary : SchoolPhase.Secondary;
                var school = random.Pick(p.Schools.Where(s => s.Phase == phase).ToList());
                child.SetUpn(random.Upn(school.Establishment, today.Year - age + 4));
                Add(family, child, school.Staff, school.Staff.Worker(random), InvolvementRole.DesignatedSafeguardingLead, Later(start, child.DateOfBirth.Value.AddYears(4)));
                if (phase == SchoolPhase.Secondary && random.Chance(0.015))
                {
                    var ap = random.Pick(p.AlternativeProviders);
                    targeted.Add(Add(family, child, ap, ap.Worker(random), InvolvementRole.KeyWorker, Recent(365)));
                }
            }
            if (socialCare is not null)
            {
                targeted.Add(Add(family, child, socialCare, socialWorker!, InvolvementRole.AllocatedSocialWorker, Recent(700)));
            }
            if (earlyHelp)
            {
                targeted.Add(Add(family, child, p.EarlyHelp, p.EarlyHelp.Worker(random), InvolvementRole.FamilySupportWorker, Recent(400)));
            }
            AddTargeted(family, child, age, targeted, socialCare is not null);
            if (socialWorker == p.DemoSocialWorker && age >= 12 && random.Chance(0.4))
            {
                // So the demo's police login shares some children with the demo's social worker, and not others.
                targeted.Add(Add(family, child, p.ExploitationTeam, p.DemoOfficer, InvolvementRole.InvestigatingOfficer, Recent(200)));
            }
            ChooseLead(targeted);
            _stories.Add(family, child, family.Involvements.Where(i => i.ChildId == child.Id).ToList());
        }
    }

    private void AddTargeted(DemoFamily family, Person child, int age, List<Involvement> targeted, bool knownToSocialCare)
    {
        // Children known to social care are far more often known to other services too.
        var lift = knownToSocialCare ? 3.0 : 1.0;
        if (age >= 12 && random.Chance(0.012 * lift * 2))
        {
            targeted.Add(Add(family, child, p.ExploitationTeam, p.ExploitationTeam.Worker(random), InvolvementRole.InvestigatingOfficer, Recent(300)));
        }
        if (age >= 10 && random.Chance(0.03 * lift))
        {
            var team = random.Pick(p.PoliceTeams);
            targeted.Add(Add(family, child, team, team.Worker(random), InvolvementRole.CaseOfficer, Recent(500)));
        }
        if (age >= 6 && random.Chance(0.05 * lift))
        {
            targeted.Add(Add(family, child, p.Camhs, p.Camhs.Worker(random), InvolvementRole.Clinician, Recent(900)));
        }
        if (age is >= 5 and <= 16 && random.Chance(0.06 * lift))
        {
            targeted.Add(Add(family, child, p.SchoolNursing, p.SchoolNursing.Worker(random), InvolvementRole.SchoolNurse, Recent(600)));
        }
        if (age >= 10 && random.Chance(0.012 * lift))
        {
            targeted.Add(Add(family, child, p.YouthJustice, p.YouthJustice.Worker(random), InvolvementRole.YouthJusticeWorker, Recent(400)));
        }
        if (age >= 12 && random.Chance(0.012 * lift))
        {
            targeted.Add(Add(family, child, p.DrugAndAlcohol, p.DrugAndAlcohol.Worker(random), InvolvementRole.SubstanceMisuseWorker, Recent(300)));
        }
        if (age >= 11 && random.Chance(0.025 * lift))
        {
            targeted.Add(Add(family, child, p.YoungPeoplesService, p.YoungPeoplesService.Worker(random), InvolvementRole.YouthWorker, Recent(500)));
        }
        if (random.Chance(0.02 * lift))
        {
            targeted.Add(Add(family, child, p.Paediatrics, p.Paediatrics.Worker(random), InvolvementRole.NamedNurse, Recent(400)));
        }
        foreach (var involvement in targeted.Where(i => i.StartedOn < today.AddDays(-60) && random.Chance(0.2)))
        {
            // Some closed long ago, some within the last 90 days (still visible to the agency that closed).
            involvement.End(random.DateBetween(involvement.StartedOn.AddDays(30), today.AddDays(-1)), random.Pick(ClosureReasons));
        }
    }

    private void ChooseLead(List<Involvement> targeted)
    {
        var open = targeted.Where(i => i.EndedOn is null).ToList();
        if (open.Select(i => i.AgencyId).Distinct().Count() < 2 || random.Chance(0.12))
        {
            return;
        }
        var lead = open.FirstOrDefault(i => i.Role == InvolvementRole.AllocatedSocialWorker)
            ?? open.FirstOrDefault(i => i.Role == InvolvementRole.FamilySupportWorker)
            ?? random.Pick(open);
        lead.MakeLeadProfessional();
    }

    private Involvement Add(DemoFamily family, Person child, DemoTeam team, Practitioner practitioner, InvolvementRole role, DateOnly start)
    {
        var teamId = team.Agency.Kind == AgencyKind.GeneralPractice ? (Guid?)null : team.Team.Id;
        var involvement = new Involvement(random.NextId(), child.Id, team.Agency.Id, teamId, practitioner.Id, role, Later(start, child.DateOfBirth!.Value));
        family.Involvements.Add(involvement);
        return involvement;
    }

    private DateOnly Recent(int days) => today.AddDays(-random.Between(7, days));

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
