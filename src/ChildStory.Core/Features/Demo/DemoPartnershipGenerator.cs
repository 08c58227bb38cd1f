using ChildStory.Domain.Partnership;

namespace ChildStory.Features.Demo;

/// <summary>
/// Builds Westmere's safeguarding partnership (a fictional county; 01632 numbers and .example addresses are
/// reserved for fiction): children's social care with its front door, police with an exploitation team, health,
/// schools and alternative provision, youth justice, substance misuse and the voluntary sector.
/// </summary>
internal static class DemoPartnershipGenerator
{
    public static DemoPartnership Build(DemoRandom random, int children)
    {
        var p = new DemoPartnership(random);
        // Case-holding teams grow with the population so caseloads stay believable (about 20 children a worker).
        var caseWorkers = Math.Clamp(children / 450, 4, 60);
        var small = Math.Clamp(children / 1500, 3, 25);

        var csc = p.AddAgency("CSC", "Westmere County Council Children's Services", AgencyKind.ChildrensSocialCare);
        p.FrontDoor = p.AddTeam(csc, "Front Door (MASH)", TeamFunction.FrontDoor, small + 2, "MASH team manager", "MASH social worker");
        foreach (var name in new[] { "Locality Team North", "Locality Team South", "Locality Team Central", "Assessment Team North", "Assessment Team South" })
        {
            p.SocialCareCaseTeams.Add(p.AddTeam(csc, name, TeamFunction.Service, caseWorkers, "Team manager", "Social worker"));
        }
        p.SocialCareCaseTeams.Add(p.AddTeam(csc, "Children in Care Team", TeamFunction.Service, small, "Team manager", "Social worker"));
        p.EarlyHelp = p.AddTeam(csc, "Early Help Team", TeamFunction.Service, small, "Early help manager", "Family support worker");
        p.AddTeam(csc, "Emergency Duty Team", TeamFunction.EmergencyDuty, 4, "EDT manager", "Emergency duty social worker");

        var police = p.AddAgency("POL", "Westmere Constabulary", AgencyKind.Police);
        p.ExploitationTeam = p.AddTeam(police, "Child Exploitation Team", TeamFunction.ChildExploitation, small, "Detective sergeant", "Detective constable");
        p.PoliceTeams.Add(p.AddTeam(police, "Public Protection Unit", TeamFunction.Service, small, "Detective inspector", "Detective constable"));
        p.PoliceTeams.Add(p.AddTeam(police, "Missing Persons Unit", TeamFunction.Service, 3, "Sergeant", "Missing persons coordinator"));
        p.PoliceTeams.Add(p.AddTeam(police, "Neighbourhood Policing North", TeamFunction.Service, small, "Inspector", "Police constable"));

        var hospital = p.AddAgency("WGH", "Westmere General Hospital NHS Trust", AgencyKind.AcuteHospital);
        p.AddTeam(hospital, "Emergency Department", TeamFunction.Service, small, "Nurse consultant", "Emergency nurse practitioner");
        p.Paediatrics = p.AddTeam(hospital, "Paediatrics", TeamFunction.Service, small, "Consultant paediatrician", "Paediatric nurse");
        p.AddTeam(hospital, "Safeguarding Children Team", TeamFunction.Service, 2, "Named nurse for safeguarding", "Safeguarding nurse");

        var practices = new[] { "Riverside Medical Centre", "Kelbrook Surgery", "Haddon Bridge Health Centre", "Ashcombe Family Practice", "Millfield Surgery", "Westmere Central Practice" };
        for (var i = 0; i < practices.Length; i++)
        {
            var gp = p.AddAgency($"GP{i + 1}", practices[i], AgencyKind.GeneralPractice);
            p.GpPractices.Add(p.AddTeam(gp, "Practice team", TeamFunction.Service, 3, "Senior partner", "GP"));
        }

        p.Camhs = p.AddTeam(p.AddAgency("CAMHS", "Westmere CAMHS", AgencyKind.Camhs), "Getting Help Team", TeamFunction.Service, small, "Team lead", "Mental health practitioner");
        p.SchoolNursing = p.AddTeam(p.AddAgency("SN", "Westmere 0-19 School Nursing Service", AgencyKind.SchoolNursing), "School Nursing", TeamFunction.Service, small, "School nursing lead", "School nurse");

        AddSchools(p, children);
        foreach (var (code, name) in new[] { ("AP1", "Bridgeway Learning Centre"), ("AP2", "New Horizons Skills Project"), ("AP3", "Kelbrook Pupil Referral Unit") })
        {
            p.AlternativeProviders.Add(p.AddTeam(p.AddAgency(code, name, AgencyKind.AlternativeProvision), "Staff", TeamFunction.Service, 2, "Centre manager", "Key worker"));
        }

        p.YouthJustice = p.AddTeam(p.AddAgency("YJS", "Westmere Youth Justice Service", AgencyKind.YouthJustice), "Youth Justice Team", TeamFunction.Service, small, "Team manager", "Youth justice worker");
        p.DrugAndAlcohol = p.AddTeam(p.AddAgency("DAS", "Compass Young People's Drug and Alcohol Service", AgencyKind.DrugAndAlcoholService), "Young People's Team", TeamFunction.Service, small, "Service manager", "Substance misuse worker");
        p.YoungPeoplesService = p.AddTeam(p.AddAgency("YPS", "Open Door Young People's Service", AgencyKind.VoluntarySector), "Outreach", TeamFunction.Service, small, "Project lead", "Youth worker");
        p.PartnershipUnit = p.AddTeam(p.AddAgency("WSCP", "Westmere Safeguarding Children Partnership", AgencyKind.Partnership), "Business Unit", TeamFunction.Management, 2, "Partnership manager", "Systems administrator");
        return p;
    }

    private static readonly string[] SchoolPlaces = ["St Aldhelm's", "Kelbrook", "Haddon Bridge", "Ashcombe", "Millfield", "Westmere Park", "Brookside", "Castle View", "Elmhurst", "Foxley", "Greenway", "Highfield", "Larkrise", "Meadowbank", "Northgate", "Oakwood", "Riverside", "Southfields", "Thornbury", "Willowbrook"];

    /// <summary>
    /// Schools scale with the child population (about one primary per 500 children, one secondary per 3,000), so
    /// that every pupil gets a unique UPN within its school's three-digit serial range for their year of entry.
    /// </summary>
    private static void AddSchools(DemoPartnership p, int children)
    {
        var phases = new List<SchoolPhase>();
        phases.AddRange(Enumerable.Repeat(SchoolPhase.Primary, Math.Clamp(children / 500, 6, 400)));
        phases.AddRange(Enumerable.Repeat(SchoolPhase.Secondary, Math.Clamp(children / 3000, 3, 80)));
        phases.AddRange(Enumerable.Repeat(SchoolPhase.Special, Math.Clamp(children / 10000, 1, 20)));
        var counts = new Dictionary<SchoolPhase, int>();
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var n = counts[phase] = counts.GetValueOrDefault(phase) + 1;
            var place = SchoolPlaces[(n - 1) % SchoolPlaces.Length] + (n > SchoolPlaces.Length ? $" {(n - 1) / SchoolPlaces.Length + 1}" : "");
            var name = phase switch
            {
                SchoolPhase.Primary => $"{place} Primary School",
                SchoolPhase.Secondary => $"{place} Academy",
                _ => $"{place} Special School",
            };
            var agency = p.AddAgency($"SCH{i + 1:D3}", name, AgencyKind.School);
            var staff = p.AddTeam(agency, "Safeguarding", TeamFunction.Service, 2, "Headteacher", "Designated safeguarding lead");
            p.Schools.Add(new DemoSchool(staff, phase, 2001 + i * 7));
        }
    }
}
