using ChildStory.Common;
using Microsoft.AspNetCore.Identity;

namespace ChildStory.Web.Hosting;

internal static class RoleSetup
{
    /// <summary>Creates any of ChildStory's roles that the database does not have yet.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
