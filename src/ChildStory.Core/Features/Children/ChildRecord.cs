using ChildStory.Domain.People;
using ChildStory.Features.Access;

namespace ChildStory.Features.Children;

/// <summary>What a reader of a child's record sees at the top of it: who the child is, their family, and who works with them.</summary>
public sealed record ChildRecord(
    Guid Id,
    string GivenName,
    string? MiddleNames,
    string FamilyName,
    DateOnly? DateOfBirth,
    bool DateOfBirthIsEstimated,
    int? Age,
    Gender Gender,
    string? Ethnicity,
    string? FirstLanguage,
    bool InterpreterRequired,
    string? NhsNumber,
    string? Upn,
    IReadOnlyList<ChildRecord.Name> Names,
    IReadOnlyList<ChildRecord.AddressPeriod> Addresses,
    IReadOnlyList<ChildRecord.FamilyMember> Family,
    IReadOnlyList<ChildRecord.HouseholdMember> Household,
    IReadOnlyList<ChildRecord.Worker> TeamAroundTheChild,
    ChildRecord.Worker? LeadProfessional,
    bool LeadProfessionalGap,
    AccessBasis AccessBasis,
    DateTimeOffset? AccessExpiresAt,
    Chronology.StoryView? Story = null,
    TeamAroundChild.ChildCasework? Casework = null)
{
    public string DisplayName => $"{GivenName} {FamilyName}";

    public sealed record Name(NameKind Kind, string GivenName, string FamilyName);

    public sealed record AddressPeriod(string Address, string Postcode, AddressKind Kind, DateOnly From, DateOnly? To);

    /// <summary>A relationship; <see cref="PersonId"/> is null when the person is recorded as not known.</summary>
    public sealed record FamilyMember(
        RelationshipKind Kind, Guid? PersonId, string? Name, DateOnly? DateOfBirth, bool IsChild,
        bool ParentalResponsibility, bool LivesWithChild, bool IsNotKnown, string? NotKnownReason, string RecordedBy, DateTimeOffset RecordedAt);

    /// <summary>
    /// Someone in the child's household: recorded at the child's current address (whatever their recorded
    /// relationship), or recorded as living with the child. <see cref="Since"/> is null when no address says when.
    /// </summary>
    public sealed record HouseholdMember(Guid PersonId, string Name, DateOnly? DateOfBirth, bool IsChild, RelationshipKind? Relationship, DateOnly? Since);

    public sealed record Worker(
        Guid InvolvementId, string Agency, string? Team, string? Practitioner, string? JobTitle, string? Email, string? Phone,
        InvolvementRole Role, bool IsLeadProfessional, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason,
        Guid AgencyId, Guid? PractitionerId, Guid? HandedOverFromId, DateOnly? IntroducedOn)
    {
        /// <summary>A new worker who took over from another and has not yet been introduced to the child.</summary>
        public bool AwaitingIntroduction => HandedOverFromId is not null && IntroducedOn is null;
    }

    /// <summary>Family roles the record must always answer, even if the answer is "not recorded".</summary>
    public bool HasRecord(RelationshipKind kind) => Family.Any(f => f.Kind == kind);
}
