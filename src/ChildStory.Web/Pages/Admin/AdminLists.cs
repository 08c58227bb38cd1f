using ChildStory.Domain.Partnership;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;

namespace ChildStory.Web.Pages.Admin;

/// <summary>The option lists admin forms need: agencies, teams grouped by agency, kinds and functions.</summary>
public static class AdminLists
{
    public static async Task<IReadOnlyList<SelectOption>> AgenciesAsync(PartnershipLists lists, CancellationToken ct) =>
        (await lists.AgenciesAsync(ct)).Select(a => new SelectOption(a.Id.ToString(), $"{a.Name} ({a.Code})", null)).ToList();

    public static async Task<IReadOnlyList<SelectOption>> TeamsAsync(PartnershipLists lists, CancellationToken ct) =>
        (await lists.TeamsAsync(ct)).Select(t => new SelectOption(t.Id.ToString(), t.Name, t.Agency)).ToList();

    public static IReadOnlyList<SelectOption> Kinds { get; } =
        Enum.GetValues<AgencyKind>().Select(k => new SelectOption(k.ToString(), Describe(k))).ToList();

    public static IReadOnlyList<SelectOption> Functions { get; } =
        Enum.GetValues<TeamFunction>().Select(f => new SelectOption(f.ToString(), Describe(f))).ToList();

    public static string Describe(AgencyKind kind) => kind switch
    {
        AgencyKind.ChildrensSocialCare => "Children's social care",
        AgencyKind.AcuteHospital => "Acute hospital",
        AgencyKind.GeneralPractice => "GP practice",
        AgencyKind.Camhs => "CAMHS",
        AgencyKind.SchoolNursing => "School nursing",
        AgencyKind.AlternativeProvision => "Alternative provision",
        AgencyKind.YouthJustice => "Youth justice",
        AgencyKind.DrugAndAlcoholService => "Drug and alcohol service",
        AgencyKind.VoluntarySector => "Voluntary sector",
        AgencyKind.Partnership => "Safeguarding partnership",
        _ => kind.ToString(),
    };

    public static string Describe(TeamFunction function) => function switch
    {
        TeamFunction.Service => "Service team",
        TeamFunction.FrontDoor => "Front door (MASH): sees every child",
        TeamFunction.ChildExploitation => "Child exploitation team",
        TeamFunction.EmergencyDuty => "Emergency duty (out of hours)",
        TeamFunction.Management => "Management and business support",
        TeamFunction.Send => "SEND team: sees children with EHC assessments and plans",
        TeamFunction.Education => "Education team (inclusion, attendance, home education)",
        _ => function.ToString(),
    };
}
