namespace ChildStory.Domain.Chronology;

/// <summary>
/// An agency's own reference for a person (case number, hospital number, police person id), remembered once an
/// event carrying it has been linked, so that the agency's later events link by it too.
/// </summary>
public sealed class PersonReference
{
    private PersonReference() { }

    public PersonReference(Guid agencyId, string reference, Guid personId)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        Reference = reference;
        PersonId = personId;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Reference { get; private set; } = "";
    public Guid PersonId { get; private set; }
}
