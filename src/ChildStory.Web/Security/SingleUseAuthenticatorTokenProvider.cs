using System.Security.Cryptography;
using System.Text;
using ChildStory.Data;
using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Security;

/// <summary>
/// Authenticator codes that work once (issue 15, finding 7; RFC 6238 §5.2: a verifier must not accept a code
/// again after it has been accepted). Replaces Identity's provider, so the sign-in's second step and setting up an
/// authenticator both go through it. The last accepted time step is kept per user, as an Identity user token
/// beside the key; a code of that step or any earlier one is refused. The record names the key it belongs to (by
/// a fingerprint), so a new key starts afresh. Times come from <see cref="TimeProvider"/>.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(ChildStoryDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string LoginProvider = "[ChildStory]";
    public const string LastStepName = "AuthenticatorLastStep";

    /// <summary>One step either side of now, for a phone's clock a little out (RFC 6238 §5.2 advises no more).</summary>
    private const int Window = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes, not the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || TotpCodes.MatchingStep(key, token, time.GetUtcNow(), Window) is not { } step)
        {
            return false;
        }
        return await ConsumeAsync(user.Id, Fingerprint(key), step);
    }

    /// <summary>
    /// Records <paramref name="step"/> as used, if it is later than the last used one. The update compares the old
    /// value, so of two requests racing with one code only one wins.
    /// </summary>
    private async Task<bool> ConsumeAsync(Guid userId, string fingerprint, long step)
    {
        var record = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == LoginProvider && t.Name == LastStepName);
        var previous = await record.AsNoTracking().Select(t => t.Value).SingleOrDefaultAsync();
        var value = $"{fingerprint}:{step}";
        if (previous is not null)
        {
            var parts = previous.Split(':');
            if (parts.Length == 2 && parts[0] == fingerprint && long.TryParse(parts[1], out var last) && step <= last)
            {
                return false;
            }
            return await record.Where(t => t.Value == previous).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value)) == 1;
        }
        var row = new IdentityUserToken<Guid> { UserId = userId, LoginProvider = LoginProvider, Name = LastStepName, Value = value };
        db.UserTokens.Add(row);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request recorded a first step at the same moment: it won.
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }

    private static string Fingerprint(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 8);
}
