using System.Security.Claims;
using ChildStory.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Security;

/// <summary>
/// Ends a session at once when its account's security stamp has changed: on sign-out, a deactivation, a new
/// authenticator (issue 15, finding 6: a cookie copied before sign-out must not work after it). Runs on every
/// request that carries the sign-in cookie, as one primary-key read of one column; Identity's own validator, which
/// rebuilds the whole principal (several queries) and reissues the cookie, still runs only once a minute after it.
/// </summary>
public static class SessionStampCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, Func<CookieValidatePrincipalContext, Task> next)
    {
        var claimTypes = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var presented = context.Principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        string? current = null;
        if (Guid.TryParse(context.Principal?.FindFirstValue(claimTypes.UserIdClaimType), out var userId) && presented is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ChildStoryDbContext>();
            current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync();
        }
        if (current is null || !string.Equals(current, presented, StringComparison.Ordinal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await next(context);
    }
}
