using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>An administrator unlocks a locked-out account, or resets two-step sign-in for someone who lost their phone.</summary>
public sealed class AccountActions(ChildStoryDbContext db, UserManager<AppUser> users)
{
    public async Task<Result<bool>> UnlockAsync(Guid practitionerId, CancellationToken ct = default)
    {
        var (user, error) = await FindAsync(practitionerId, ct);
        if (user is null)
        {
            return error!;
        }
        if (!await db.Practitioners.AnyAsync(p => p.Id == practitionerId && p.IsActive, ct))
        {
            return Error.Conflict("This practitioner is deactivated: reactivate them instead");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return await AuditAsync(practitionerId, "unlocked", ct);
    }

    public async Task<Result<bool>> ResetTwoFactorAsync(Guid practitionerId, CancellationToken ct = default)
    {
        var (user, error) = await FindAsync(practitionerId, ct);
        if (user is null)
        {
            return error!;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return await AuditAsync(practitionerId, "two-step sign-in reset", ct);
    }

    private async Task<(AppUser? User, Error? Error)> FindAsync(Guid practitionerId, CancellationToken ct)
    {
        var user = await users.Users.SingleOrDefaultAsync(u => u.PractitionerId == practitionerId, ct);
        return user is null ? (null, Error.NotFound("Sign-in account")) : (user, null);
    }

    private async Task<Result<bool>> AuditAsync(Guid practitionerId, string change, CancellationToken ct)
    {
        db.Audit(AuditActions.AdminChange, subject: $"Practitioner:{practitionerId}", detail: $"{{\"change\":\"{change}\"}}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
