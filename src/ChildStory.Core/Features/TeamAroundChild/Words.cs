using ChildStory.Domain.People;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>Roles and other team words as practitioners say them.</summary>
public static class Words
{
    public static string Role(InvolvementRole role) => role switch
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
        InvolvementRole.Clinician => "Clinician",
        InvolvementRole.DesignatedSafeguardingLead => "Designated safeguarding lead",
        InvolvementRole.YouthJusticeWorker => "Youth justice worker",
        InvolvementRole.SubstanceMisuseWorker => "Substance misuse worker",
        InvolvementRole.YouthWorker => "Youth worker",
        InvolvementRole.Mentor => "Mentor",
        InvolvementRole.ReceivingAfterTransfer => "Receiving school or authority",
        _ => "Other",
    };
}
