namespace ChildStory.Web.Security;

public static class ChildStoryClaims
{
    public const string ActorKind = "cs:actor_kind";
    public const string PractitionerId = "cs:practitioner";
    public const string AgencyId = "cs:agency";
    public const string TeamId = "cs:team";
    public const string DisplayName = "cs:name";

    /// <summary>Present while a user whose role requires a second factor has not yet set one up.</summary>
    public const string TwoFactorSetupRequired = "cs:2fa_setup_required";
}
