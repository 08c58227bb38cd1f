using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>One practitioner as the administrator edits them: their details, their manager's e-mail, and their sign-in account's state and roles.</summary>
public sealed class GetPractitioner(ChildStoryDbContext db, UserManager<AppUser> users)
{
    public sealed record Detail(
        Guid Id, string DisplayName, string GivenName, string FamilyName, string Email, string JobTitle, string? Phone, Guid AgencyId, Guid? TeamId,
        string? ManagerEmail, bool IsActive, bool HasAccount, bool LockedOut, bool TwoFactor, IReadOnlyList<string> Roles);

    public async Task<Result<Detail>> LoadAsync(Guid practitionerId, CancellationToken ct = default)
    {
        var p = await db.Practitioners.AsNoTracking().Include(x => x.Manager).SingleOrDefaultAsync(x => x.Id == practitionerId, ct);
        if (p is null)
        {
            return Error.NotFound("Practitioner");
        }
        var user = await users.Users.SingleOrDefaultAsync(u => u.PractitionerId == practitionerId, ct);
        var lockedOut = user?.LockoutEnd is { } end && end > db.Time.GetUtcNow();
        IReadOnlyList<string> roles = user is null ? [] : [.. await users.GetRolesAsync(user)];
        return new Detail(p.Id, p.DisplayName, p.GivenName, p.FamilyName, p.Email, p.JobTitle, p.Phone, p.AgencyId, p.TeamId, p.Manager?.Email,
            p.IsActive, user is not null, lockedOut, user?.TwoFactorEnabled == true, roles);
    }
}
