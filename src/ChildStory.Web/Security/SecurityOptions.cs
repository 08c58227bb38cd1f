using ChildStory.Common;

namespace ChildStory.Web.Security;

/// <summary>The <c>Security:</c> configuration section.</summary>
public sealed class SecurityOptions
{
    private static readonly string[] DefaultTwoFactorRoles = [Roles.Manager, Roles.FrontDoor, Roles.Administrator, Roles.PartnershipLead];

    /// <summary>
    /// Roles whose members must sign in with a second factor (set up on their first sign-in). Null when not
    /// configured, so that configuration replaces the default list rather than adding to it.
    /// </summary>
    public string[]? TwoFactorRoles { get; set; }

    public IReadOnlyList<string> RolesRequiringTwoFactor => TwoFactorRoles ?? DefaultTwoFactorRoles;

    /// <summary>Wrong passwords for one account from one client before that client is shut out of that account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a client that has tried too many wrong passwords for an account stays shut out of it.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in, second-step, recovery-code and authenticator posts one client (IP address) may make a minute.</summary>
    public int SignInPermitPerMinute { get; set; } = 10;

    /// <summary>
    /// Sign-in attempts for one account a minute, from all clients together: the bound on guessing one password
    /// from many addresses. Above <see cref="MaxFailedSignIns"/>, so that one client cannot use it up alone.
    /// </summary>
    public int SignInAccountPermitPerMinute { get; set; } = 10;

    /// <summary>Requests a minute to <c>/api</c> per API client (per address for calls without a key).</summary>
    public int ApiPermitPerMinute { get; set; } = 600;
}
