namespace ChildStory.Common;

public enum ActorKind
{
    User,
    ApiClient,
    System,

    /// <summary>A request nobody has signed in to: it may see nothing (never confuse it with <see cref="System"/>).</summary>
    Anonymous,
}

/// <summary>
/// Who is acting: a signed-in practitioner, an agency system calling the API, or ChildStory itself (jobs, seeding).
/// Handlers take the actor explicitly so every rule about access and audit can see it, and tests can name it.
/// </summary>
public sealed record Actor(
    ActorKind Kind,
    Guid Id,
    string Name,
    Guid? PractitionerId,
    Guid? AgencyId,
    Guid? TeamId,
    IReadOnlySet<string> Roles,
    string? IpAddress = null)
{
    public static Actor System(string name = "ChildStory") =>
        new(ActorKind.System, Guid.Empty, name, null, null, null, new HashSet<string>());

    public static Actor Anonymous(string? ipAddress) =>
        new(ActorKind.Anonymous, Guid.Empty, "anonymous", null, null, null, new HashSet<string>(), ipAddress);

    public bool IsInRole(string role) => Roles.Contains(role);
}

/// <summary>The role names used by ASP.NET Core Identity and the authorisation policies.</summary>
public static class Roles
{
    public const string Practitioner = "Practitioner";
    public const string Manager = "Manager";
    public const string FrontDoor = "FrontDoor";
    public const string Administrator = "Administrator";
    public const string PartnershipLead = "PartnershipLead";

    public static readonly IReadOnlyList<string> All = [Practitioner, Manager, FrontDoor, Administrator, PartnershipLead];

    public static string Describe(string role) => role switch
    {
        Practitioner => "Practitioner",
        Manager => "Manager",
        FrontDoor => "Front door (MASH) practitioner",
        Administrator => "Administrator",
        PartnershipLead => "Partnership lead",
        _ => role,
    };
}
