using ChildStory.Domain.Referrals;

namespace ChildStory.Features.Demo;

/// <summary>
/// The services Westmere's children are referred to, each run by one of the partnership's teams, with targets in
/// working days per step and a critical-moment fast track in hours. Ids come from their own random stream so that
/// adding services never changes the rest of the demo.
/// </summary>
internal static class DemoServices
{
    public static List<ReferralService> Build(DemoPartnership p, int seed)
    {
        var random = new DemoRandom(seed ^ 0x5E41CE);
        ReferralService Service(string name, ServiceKind kind, DemoTeam team, ServiceTargets targets) =>
            new(random.NextId(), name, kind, team.Team.AgencyId, team.Team.Id, targets);
        return
        [
            Service("Children's social care (front door)", ServiceKind.ChildrensSocialCare, p.FrontDoor, new(0, 1, 5, 2, 4)),
            Service("Early help", ServiceKind.EarlyHelp, p.EarlyHelp, new(2, 5, 10, 5, 24)),
            Service("CAMHS Getting Help", ServiceKind.Camhs, p.Camhs, new(2, 10, 20, 10, 24)),
            Service("Young people's drug and alcohol service", ServiceKind.DrugAndAlcohol, p.DrugAndAlcohol, new(1, 3, 5, 5, 24)),
            Service("Child exploitation team", ServiceKind.ChildExploitation, p.ExploitationTeam, new(1, 2, 3, 2, 4)),
            Service("Neuro-development assessment", ServiceKind.NeuroDevelopmentAssessment, p.Paediatrics, new(5, 20, 60, 40, 72)),
            Service("Open Door mentoring", ServiceKind.Mentoring, p.YoungPeoplesService, new(3, 10, 15, 10, 48)),
            Service("Bridgeway inclusion project", ServiceKind.InclusionProject, p.AlternativeProviders[0], new(3, 10, 15, 10, 48)),
        ];
    }
}
