using ChildStory.Domain.Partnership;

namespace ChildStory.Domain.People;

public enum InvolvementRole
{
    AllocatedSocialWorker,
    FamilySupportWorker,
    KeyWorker,
    CaseOfficer,
    InvestigatingOfficer,
    NamedNurse,
    SchoolNurse,
    HealthVisitor,
    GeneralPractitioner,
    Clinician,
    DesignatedSafeguardingLead,
    YouthJusticeWorker,
    SubstanceMisuseWorker,
    YouthWorker,
    Mentor,
    Other,

    /// <summary>The school or authority a child moved to, involved from when it acknowledged the transfer packet.</summary>
    ReceivingAfterTransfer,
}

/// <summary>
/// An agency (and where known a team and practitioner) working with a child, in a role, from a date.
/// Involvements are what give practitioners need-to-know access to a child, and make up the team around the child.
/// </summary>
public sealed class Involvement : Stamped, IChildData
{
    private Involvement() { }

    public Involvement(Guid id, Guid childId, Guid agencyId, Guid? teamId, Guid? practitionerId, InvolvementRole role, DateOnly startedOn)
    {
        Id = id;
        ChildId = childId;
        AgencyId = agencyId;
        TeamId = teamId;
        PractitionerId = practitionerId;
        Role = role;
        StartedOn = startedOn;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public Guid? TeamId { get; private set; }
    public Team? Team { get; private set; }
    public Guid? PractitionerId { get; private set; }
    public Practitioner? Practitioner { get; private set; }
    public InvolvementRole Role { get; private set; }

    /// <summary>The named coordinator of the team around the child ("Lead Professional — who is this?", Child Three).</summary>
    public bool IsLeadProfessional { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>The worker this one took over from: the two co-work until the old involvement's end date.</summary>
    public Guid? HandedOverFromId { get; private set; }

    /// <summary>When the new worker was introduced to the child (James lost his social worker at transition, unintroduced).</summary>
    public DateOnly? IntroducedOn { get; private set; }
    public string? IntroductionNote { get; private set; }

    public bool IsActiveOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);

    public void MakeLeadProfessional() =>
        IsLeadProfessional = EndedOn is null
            ? true
            : throw new InvalidOperationException("An ended involvement cannot hold the lead professional role.");

    public void StandDownAsLeadProfessional() => IsLeadProfessional = false;

    public void TakeOverFrom(Guid previousInvolvementId) => HandedOverFromId = previousInvolvementId;

    public void RecordIntroduction(DateOnly on, string note)
    {
        IntroducedOn = on;
        IntroductionNote = note;
    }

    public void End(DateOnly on, string reason)
    {
        if (EndedOn is not null)
        {
            throw new InvalidOperationException("This involvement has already ended.");
        }
        if (on < StartedOn)
        {
            throw new InvalidOperationException("An involvement cannot end before it started.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason is required to end an involvement.", nameof(reason));
        }
        EndedOn = on;
        EndReason = reason;
        IsLeadProfessional = false;
    }
}
