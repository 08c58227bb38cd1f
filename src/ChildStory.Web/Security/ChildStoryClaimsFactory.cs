using System.Security.Claims;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Security;

/// <summary>Puts the practitioner's agency, team and name into the sign-in cookie, and flags a missing second factor.</summary>
public sealed class ChildStoryClaimsFactory(
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options,
    IOptions<SecurityOptions> security,
    ChildStoryDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ChildStoryClaims.ActorKind, nameof(ActorKind.User)));
        var practitioner = user.PractitionerId is { } id
            ? await db.Practitioners.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.AgencyId, p.TeamId, p.GivenName, p.FamilyName }).SingleOrDefaultAsync()
            : null;
        if (practitioner is not null)
        {
            identity.AddClaim(new Claim(ChildStoryClaims.PractitionerId, practitioner.Id.ToString()));
            identity.AddClaim(new Claim(ChildStoryClaims.AgencyId, practitioner.AgencyId.ToString()));
            if (practitioner.TeamId is { } team)
            {
                identity.AddClaim(new Claim(ChildStoryClaims.TeamId, team.ToString()));
            }
            identity.AddClaim(new Claim(ChildStoryClaims.DisplayName, $"{practitioner.GivenName} {practitioner.FamilyName}"));
        }
        var userRoles = await UserManager.GetRolesAsync(user);
        if (!user.TwoFactorEnabled && userRoles.Any(r => security.Value.RolesRequiringTwoFactor.Contains(r)))
        {
            identity.AddClaim(new Claim(ChildStoryClaims.TwoFactorSetupRequired, "true"));
        }
        return identity;
    }
}
