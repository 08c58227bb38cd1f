using ChildStory.Data;
using ChildStory.Domain.People;
using ChildStory.Features.Children;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Children;

public sealed class RecordModel(GetChildRecord get, IActorAccessor actors) : PageModel
{
    public ChildRecord Record { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await get.RunAsync(actors.Current, id, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }
        Record = result.Value;
        return Page();
    }

    /// <summary>An event type in words: "EmergencyDepartmentAttendance" → "A&amp;E attendance" where the short form is usual.</summary>
    public static string Describe(ChildStory.Domain.Chronology.EventType type) => type switch
    {
        ChildStory.Domain.Chronology.EventType.EmergencyDepartmentAttendance => "A&E attendance",
        ChildStory.Domain.Chronology.EventType.GpAppointmentWasNotBrought => "GP appointment: was not brought",
        ChildStory.Domain.Chronology.EventType.GpAppointmentAttended => "GP appointment attended",
        ChildStory.Domain.Chronology.EventType.CamhsContact => "CAMHS contact",
        ChildStory.Domain.Chronology.EventType.CamhsAssessment => "CAMHS assessment",
        ChildStory.Domain.Chronology.EventType.CamhsClosure => "CAMHS closure",
        ChildStory.Domain.Chronology.EventType.NrmDecision => "NRM decision",
        ChildStory.Domain.Chronology.EventType.VoiceOfTheChild => "The child's own words",
        _ => Words(type.ToString()),
    };

    private static string Words(string pascal)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(pascal, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Describe(Gender gender) => gender switch
    {
        Gender.NotKnown => "Not known",
        Gender.NonBinary => "Non-binary",
        Gender.NotStated => "Not stated",
        _ => gender.ToString(),
    };

    public static string Describe(RelationshipKind kind) => kind switch
    {
        RelationshipKind.StepParent => "Step-parent",
        RelationshipKind.ParentsPartner => "Parent's partner",
        RelationshipKind.FosterCarer => "Foster carer",
        RelationshipKind.KinshipCarer => "Kinship carer",
        RelationshipKind.HalfSibling => "Half-sibling",
        RelationshipKind.StepSibling => "Step-sibling",
        RelationshipKind.OtherRelative => "Other relative",
        RelationshipKind.OtherAdultInHousehold => "Other adult in the household",
        _ => kind.ToString(),
    };

    public static string Describe(InvolvementRole role) => role switch
    {
        InvolvementRole.AllocatedSocialWorker => "Allocated social worker",
        InvolvementRole.FamilySupportWorker => "Family support worker",
        InvolvementRole.KeyWorker => "Key worker",
        InvolvementRole.CaseOfficer => "Case officer",
        InvolvementRole.InvestigatingOfficer => "Investigating officer",
        InvolvementRole.NamedNurse => "Named nurse",
        InvolvementRole.SchoolNurse => "School nurse",
        InvolvementRole.HealthVisitor => "Health visitor",
        InvolvementRole.GeneralPractitioner => "GP",
        InvolvementRole.DesignatedSafeguardingLead => "Designated safeguarding lead",
        InvolvementRole.YouthJusticeWorker => "Youth justice worker",
        InvolvementRole.SubstanceMisuseWorker => "Substance misuse worker",
        InvolvementRole.YouthWorker => "Youth worker",
        _ => role.ToString(),
    };
}
