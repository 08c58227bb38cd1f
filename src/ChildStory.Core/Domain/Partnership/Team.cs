namespace ChildStory.Domain.Partnership;

public enum TeamFunction
{
    /// <summary>An ordinary service team.</summary>
    Service,

    /// <summary>The multi-agency front door (MASH): triages contacts and referrals about any child.</summary>
    FrontDoor,

    /// <summary>A specialist child exploitation team.</summary>
    ChildExploitation,

    /// <summary>Out-of-hours emergency duty team.</summary>
    EmergencyDuty,

    /// <summary>Management, business support and administration.</summary>
    Management,

    /// <summary>The local authority's special educational needs and disabilities (SEND) team: sees the children with EHC plans or assessments.</summary>
    Send,

    /// <summary>The local authority's education team (inclusion, children missing education, elective home education, attendance).</summary>
    Education,
}

public sealed class Team : Stamped
{
    private Team() { }

    public Team(Guid id, Guid agencyId, string name, TeamFunction function)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        Function = function;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public string Name { get; private set; } = "";
    public TeamFunction Function { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(string name, TeamFunction function)
    {
        Name = name;
        Function = function;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
