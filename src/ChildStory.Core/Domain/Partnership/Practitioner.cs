namespace ChildStory.Domain.Partnership;

/// <summary>
/// A person who works in an agency of the partnership. Their sign-in account (ASP.NET Core Identity) points here;
/// what they may see follows from their agency, team and roles.
/// </summary>
public sealed class Practitioner : Stamped
{
    private Practitioner() { }

    public Practitioner(Guid id, string givenName, string familyName, string email, string jobTitle, Guid agencyId, Guid? teamId)
    {
        Id = id;
        GivenName = givenName;
        FamilyName = familyName;
        Email = email;
        JobTitle = jobTitle;
        AgencyId = agencyId;
        TeamId = teamId;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string JobTitle { get; private set; } = "";
    public string? Phone { get; private set; }
    public Guid AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public Guid? TeamId { get; private set; }
    public Team? Team { get; private set; }

    /// <summary>The line manager who reviews this practitioner's broken-glass access and receives their escalations.</summary>
    public Guid? ManagerId { get; private set; }
    public Practitioner? Manager { get; private set; }
    public bool IsActive { get; private set; }

    public string DisplayName => $"{GivenName} {FamilyName}";

    public void Update(string givenName, string familyName, string email, string jobTitle, string? phone, Guid agencyId, Guid? teamId)
    {
        GivenName = givenName;
        FamilyName = familyName;
        Email = email;
        JobTitle = jobTitle;
        Phone = phone;
        AgencyId = agencyId;
        TeamId = teamId;
    }

    public void SetManager(Guid? managerId)
    {
        if (managerId == Id)
        {
            throw new InvalidOperationException("A practitioner cannot be their own manager.");
        }
        ManagerId = managerId;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
