using System.Security.Claims;
using System.Text.Encodings.Web;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Security;

public sealed class ApiKeyOptions : AuthenticationSchemeOptions;

/// <summary>
/// Authenticates an agency system by its API key, sent as <c>Authorization: Bearer cs_&lt;id&gt;.&lt;secret&gt;</c>
/// (or an <c>X-Api-Key</c> header). Revoked keys, keys of inactive agencies and wrong secrets are refused and audited.
/// </summary>
public sealed class ApiKeyHandler(
    IOptionsMonitor<ApiKeyOptions> options, ILoggerFactory logger, UrlEncoder encoder, ChildStoryDbContext db, TimeProvider time)
    : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The key as sent, not yet checked; empty when none was sent.</summary>
    public static string PresentedKey(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? auth["Bearer ".Length..].Trim()
            : request.Headers["X-Api-Key"].ToString();

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }
        if (!ApiClient.TryParseKey(presented, out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("The API key is not in the form cs_<id>.<secret>.");
        }
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.KeyId == keyId);
        var agencyActive = client is not null && await db.Agencies.AnyAsync(a => a.Id == client.AgencyId && a.IsActive);
        if (client is null || client.IsRevoked || !agencyActive || !client.SecretMatches(secret))
        {
            var anonymous = Actor.Anonymous(Context.Connection.RemoteIpAddress?.ToString()) with { Name = $"api key {keyId}" };
            db.AuditEntries.Add(new AuditEntry(time.GetUtcNow(), anonymous, AuditActions.ApiAuthenticationFailed,
                detail: client is null ? "unknown key" : client.IsRevoked ? "revoked key" : !agencyActive ? "agency inactive" : "wrong secret"));
            await db.SaveChangesAsync();
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }
        // "Last used" is for administrators spotting dead keys: a minute's precision spares a write per request.
        var now = time.GetUtcNow();
        if (client.LastUsedAt is not { } last || now - last > TimeSpan.FromMinutes(1))
        {
            client.MarkUsed(now);
            await db.SaveChangesAsync();
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, client.Id.ToString()),
            new Claim(ChildStoryClaims.ActorKind, nameof(ActorKind.ApiClient)),
            new Claim(ChildStoryClaims.AgencyId, client.AgencyId.ToString()),
            new Claim(ChildStoryClaims.DisplayName, $"API client: {client.Name}"),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
