using System.Security.Cryptography;
using System.Text;

namespace ChildStory.Domain.Access;

/// <summary>
/// An agency system's credential for the REST API. The secret is shown once when created and stored only as a
/// SHA-256 hash (it is 256 random bits, so a slow password hash adds nothing). Scoped to one agency; revocable.
/// </summary>
public sealed class ApiClient : Stamped
{
    public const string KeyPrefix = "cs_";

    private ApiClient() { }

    private ApiClient(Guid id, Guid agencyId, string name, string keyId, string secretHash)
    {
        Id = id;
        AgencyId = agencyId;
        Name = name;
        KeyId = keyId;
        SecretHash = secretHash;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The public half of the key, used to find the client; the secret follows it after a dot.</summary>
    public string KeyId { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>Creates a client and returns the full key ("cs_&lt;keyId&gt;.&lt;secret&gt;"), which is never stored.</summary>
    public static (ApiClient Client, string Key) Create(Guid agencyId, string name)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new ApiClient(Guid.NewGuid(), agencyId, name.Trim(), keyId, Hash(secret)), $"{KeyPrefix}{keyId}.{secret}");
    }

    /// <summary>Splits a presented key into its id and secret, or returns false when it is not shaped like one.</summary>
    public static bool TryParseKey(string presented, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (!presented.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var dot = presented.IndexOf('.', KeyPrefix.Length);
        if (dot < 0 || dot == presented.Length - 1)
        {
            return false;
        }
        keyId = presented[KeyPrefix.Length..dot];
        secret = presented[(dot + 1)..];
        return true;
    }

    public bool SecretMatches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public void Revoke(string by, DateTimeOffset at)
    {
        if (IsRevoked)
        {
            throw new InvalidOperationException("This API client is already revoked.");
        }
        RevokedAt = at;
        RevokedBy = by;
    }

    public void MarkUsed(DateTimeOffset at) => LastUsedAt = at;

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
