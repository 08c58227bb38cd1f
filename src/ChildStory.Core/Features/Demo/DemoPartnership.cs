using ChildStory.Domain.Partnership;
using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Demo;

/// <summary>A team as the generator sees it: the team, its practitioners (manager first) and its agency.</summary>
internal sealed record DemoTeam(Agency Agency, Team Team, List<Practitioner> Members)
{
    public Practitioner Manager => Members[0];

    public Practitioner Worker(DemoRandom random) => Members.Count == 1 ? Members[0] : Members[random.Between(1, Members.Count - 1)];
}

internal enum SchoolPhase
{
    Primary,
    Secondary,
    Special,
}

internal sealed record DemoSchool(DemoTeam Staff, SchoolPhase Phase, int Establishment);

/// <summary>The fictional partnership of Westmere: its agencies, teams and practitioners, and the demo logins' people.</summary>
internal sealed class DemoPartnership
{
    private readonly DemoRandom _random;
    private readonly HashSet<string> _emails = [];

    public DemoPartnership(DemoRandom random) => _random = random;

    public List<Agency> Agencies { get; } = [];
    public List<DemoTeam> Teams { get; } = [];
    public List<DemoTeam> SocialCareCaseTeams { get; } = [];
    public List<DemoTeam> GpPractices { get; } = [];
    public List<DemoSchool> Schools { get; } = [];
    public List<DemoTeam> AlternativeProviders { get; } = [];
    public DemoTeam FrontDoor { get; set; } = null!;
    public DemoTeam EarlyHelp { get; set; } = null!;
    public DemoTeam ExploitationTeam { get; set; } = null!;
    public List<DemoTeam> PoliceTeams { get; } = [];
    public DemoTeam Paediatrics { get; set; } = null!;
    public DemoTeam Camhs { get; set; } = null!;
    public DemoTeam SchoolNursing { get; set; } = null!;
    public DemoTeam YouthJustice { get; set; } = null!;
    public DemoTeam DrugAndAlcohol { get; set; } = null!;
    public DemoTeam YoungPeoplesService { get; set; } = null!;
    public DemoTeam PartnershipUnit { get; set; } = null!;

    public IEnumerable<Practitioner> Practitioners => Teams.SelectMany(t => t.Members);

    /// <summary>The social worker whose login the demo prints: the first worker of the first locality team.</summary>
    public Practitioner DemoSocialWorker => SocialCareCaseTeams[0].Members[1];

    /// <summary>The police officer whose login the demo prints, who works with some of the social worker's children.</summary>
    public Practitioner DemoOfficer => ExploitationTeam.Members[1];

    public DemoSchool DemoSchool => Schools.First(s => s.Phase == SchoolPhase.Secondary);

    public Agency AddAgency(string code, string name, AgencyKind kind)
    {
        var agency = new Agency(_random.NextId(), code, name, kind);
        Agencies.Add(agency);
        return agency;
    }

    /// <summary>A team with a manager and <paramref name="workers"/> practitioners who report to them.</summary>
    public DemoTeam AddTeam(Agency agency, string name, TeamFunction function, int workers, string managerTitle, string workerTitle)
    {
        var team = new Team(_random.NextId(), agency.Id, name, function);
        var manager = NewPractitioner(agency, team, managerTitle);
        var members = new List<Practitioner> { manager };
        for (var i = 0; i < workers; i++)
        {
            var worker = NewPractitioner(agency, team, workerTitle);
            worker.SetManager(manager.Id);
            members.Add(worker);
        }
        var demoTeam = new DemoTeam(agency, team, members);
        Teams.Add(demoTeam);
        return demoTeam;
    }

    private Practitioner NewPractitioner(Agency agency, Team team, string title)
    {
        var heritage = Heritage.Pick(_random);
        var given = _random.Pick(_random.Chance(0.7) ? heritage.Girls : heritage.Boys);
        var family = _random.Pick(heritage.Surnames);
        var local = $"{NameNormaliser.Normalise(given)}.{NameNormaliser.Normalise(family)}";
        var email = $"{local}@{agency.Code.ToLowerInvariant()}.westmere.example";
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = $"{local}{n}@{agency.Code.ToLowerInvariant()}.westmere.example";
        }
        var practitioner = new Practitioner(_random.NextId(), given, family, email, title, agency.Id, team.Id);
        practitioner.Update(given, family, email, title, $"01632 {_random.Between(100000, 999999)}", agency.Id, team.Id);
        return practitioner;
    }
}
