using ChildStory.Identifiers;

namespace ChildStory.Domain.People;

public enum Gender
{
    NotKnown,
    Female,
    Male,
    NonBinary,
    NotStated,
}

/// <summary>
/// Anyone in a child's story: the child, parents, carers, siblings, other adults in the household.
/// <see cref="IsChild"/> marks the people whose records ChildStory holds as children (they are found by search
/// and have a record page); adults appear in their family and household.
/// </summary>
public sealed class Person : Stamped, IChildData
{
    private Person() { }

    public Person(Guid id, string givenName, string familyName, DateOnly? dateOfBirth, Gender gender, bool isChild)
    {
        Id = id;
        DateOfBirth = dateOfBirth;
        Gender = gender;
        IsChild = isChild;
        GivenName = givenName;
        FamilyName = familyName;
        Names.Add(new PersonName(Guid.NewGuid(), id, NameKind.Legal, givenName, familyName));
    }

    public Guid Id { get; private set; }
    Guid IChildData.ChildId => Id;
    public string GivenName { get; private set; } = "";
    public string? MiddleNames { get; private set; }
    public string FamilyName { get; private set; } = "";
    public DateOnly? DateOfBirth { get; private set; }
    public bool DateOfBirthIsEstimated { get; private set; }
    public DateOnly? DateOfDeath { get; private set; }
    public Gender Gender { get; private set; }

    /// <summary>Ethnicity as a DfE CIN census code (e.g. WBRI, MWBC, APKN), or null when not recorded.</summary>
    public string? Ethnicity { get; private set; }
    public string? FirstLanguage { get; private set; }
    public bool InterpreterRequired { get; private set; }
    public string? NhsNumber { get; private set; }
    public string? Upn { get; private set; }
    public bool IsChild { get; private set; }

    /// <summary>Set when this record was found to be a duplicate and merged into another; cleared if the merge is undone.</summary>
    public Guid? MergedIntoId { get; private set; }

    /// <summary>Created by the matcher from an agency's description, not by a practitioner: worth a second look.</summary>
    public bool CreatedFromIntake { get; private set; }

    /// <summary>
    /// For a child from another local authority met in a child's network (a peer across the border): the authority
    /// that knows them and whom to contact there. ChildStory holds only this limited entry, never their record.
    /// </summary>
    public string? HomeAuthority { get; private set; }
    public string? AuthorityContact { get; private set; }

    public List<PersonName> Names { get; private set; } = [];
    public List<PersonAddress> Addresses { get; private set; } = [];

    public string DisplayName => $"{GivenName} {FamilyName}";

    public int? AgeOn(DateOnly date) => DateOfBirth is { } dob ? AgeOn(dob, date) : null;

    /// <summary>Whole years from a date of birth to a date.</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        return dateOfBirth > date.AddYears(-age) ? age - 1 : age;
    }

    public void SetMiddleNames(string? middleNames) => MiddleNames = string.IsNullOrWhiteSpace(middleNames) ? null : middleNames.Trim();

    public void SetDateOfBirth(DateOnly? dateOfBirth, bool estimated)
    {
        DateOfBirth = dateOfBirth;
        DateOfBirthIsEstimated = dateOfBirth is not null && estimated;
    }

    public void SetCulture(string? ethnicity, string? firstLanguage, bool interpreterRequired)
    {
        Ethnicity = ethnicity;
        FirstLanguage = firstLanguage;
        InterpreterRequired = interpreterRequired;
    }

    /// <summary>Sets the NHS number; refuses one whose check digit is wrong.</summary>
    public void SetNhsNumber(string? nhsNumber)
    {
        if (nhsNumber is null)
        {
            NhsNumber = null;
            return;
        }
        var parsed = Identifiers.NhsNumber.Parse(nhsNumber);
        NhsNumber = parsed.IsValid ? parsed.Value : throw new ArgumentException(parsed.Problem, nameof(nhsNumber));
    }

    /// <summary>Sets the Unique Pupil Number; refuses one whose check letter is wrong.</summary>
    public void SetUpn(string? upn)
    {
        if (upn is null)
        {
            Upn = null;
            return;
        }
        var parsed = UniquePupilNumber.Parse(upn);
        Upn = parsed.IsValid ? parsed.Value : throw new ArgumentException(parsed.Problem, nameof(upn));
    }

    public void MergeInto(Guid survivorId) => MergedIntoId = survivorId != Id ? survivorId : throw new ArgumentException("A record cannot be merged into itself.");

    public void UndoMerge() => MergedIntoId = null;

    public void MarkCreatedFromIntake() => CreatedFromIntake = true;

    public void BelongsTo(string authority, string contact)
    {
        HomeAuthority = authority.Trim();
        AuthorityContact = contact.Trim();
    }

    public PersonName AddName(NameKind kind, string givenName, string familyName)
    {
        var name = new PersonName(Guid.NewGuid(), Id, kind, givenName, familyName);
        Names.Add(name);
        return name;
    }

    public PersonAddress MoveTo(Address address, DateOnly from, AddressKind kind = AddressKind.Home)
    {
        foreach (var current in Addresses.Where(a => a.To is null && a.Kind == kind))
        {
            current.EndOn(from);
        }
        var link = new PersonAddress(Guid.NewGuid(), Id, address, kind, from);
        Addresses.Add(link);
        return link;
    }
}
