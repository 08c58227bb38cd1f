using ChildStory.Features.Children.Matching;

namespace ChildStory.Domain.People;

public enum NameKind
{
    Legal,
    Preferred,
    Alias,
    Previous,
}

/// <summary>
/// One name a person is or was known by. Every name is searchable; the normalised and phonetic forms are kept
/// beside it so search can be tolerant of case, accents and spelling slips without scanning every row.
/// </summary>
public sealed class PersonName : IChildData
{
    private PersonName() { }

    public PersonName(Guid id, Guid personId, NameKind kind, string givenName, string familyName)
    {
        Id = id;
        PersonId = personId;
        Kind = kind;
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        GivenNormalised = NameNormaliser.Normalise(GivenName);
        FamilyNormalised = NameNormaliser.Normalise(FamilyName);
        GivenKey = PhoneticKey.For(GivenNormalised);
        FamilyKey = PhoneticKey.For(FamilyNormalised);
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    Guid IChildData.ChildId => PersonId;
    public NameKind Kind { get; private set; }
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public string GivenNormalised { get; private set; } = "";
    public string FamilyNormalised { get; private set; } = "";
    public string GivenKey { get; private set; } = "";
    public string FamilyKey { get; private set; } = "";
}
