namespace ChildStory.Domain.Partnership;

public enum AgencyKind
{
    ChildrensSocialCare,
    Police,
    AcuteHospital,
    GeneralPractice,
    Camhs,
    SchoolNursing,
    School,
    AlternativeProvision,
    YouthJustice,
    DrugAndAlcoholService,
    VoluntarySector,
    Partnership,
}

/// <summary>An organisation in the safeguarding partnership: a council's children's services, a police force, a school…</summary>
public sealed class Agency : Stamped
{
    private Agency() { }

    public Agency(Guid id, string code, string name, AgencyKind kind)
    {
        Id = id;
        Code = code;
        Name = name;
        Kind = kind;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>Short unique code used by imports and the API (e.g. "CSC", "POL").</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public AgencyKind Kind { get; private set; }
    public bool IsActive { get; private set; }

    public List<Team> Teams { get; private set; } = [];

    /// <summary>
    /// Children's social care shares records team by team (a practitioner sees children their own team works with);
    /// every other agency shares within the agency.
    /// </summary>
    public bool AccessIsByTeam => Kind == AgencyKind.ChildrensSocialCare;

    public void Update(string code, string name, AgencyKind kind)
    {
        Code = code;
        Name = name;
        Kind = kind;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
