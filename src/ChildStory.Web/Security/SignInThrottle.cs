using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Security;

/// <summary>
/// The per-account half of sign-in throttling (the per-client half is <see cref="SignInRateLimiting"/>), and the
/// lock-out. Lock-out is per account <em>and client</em>: too many wrong passwords shut that client out of that
/// account for a while, not the account's owner everywhere, so no one can lock someone else out at will (issue 15,
/// finding 8). Guessing from many clients is bounded by the per-account limit instead. Only attempts that passed
/// both limits reach the password check, so only those count. In memory, like ASP.NET Core's rate limiters.
/// </summary>
public sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider time) : IDisposable
{
    private const int SweepAbove = 10_000;

    private readonly PartitionedRateLimiter<string> _accounts = PartitionedRateLimiter.Create<string, string>(
        account => RateLimitPartition.GetSlidingWindowLimiter(account, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAccountPermitPerMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }),
        StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _refusalsAudited = new(StringComparer.OrdinalIgnoreCase);

    public static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Takes one of the account's attempts for this minute; false when there are none left.</summary>
    public bool TryAttempt(string account)
    {
        using var lease = _accounts.AttemptAcquire(account);
        return lease.IsAcquired;
    }

    public bool IsShutOut(string account, string client) =>
        _failures.TryGetValue(Key(account, client), out var f) && f.Until is { } until && until > time.GetUtcNow();

    /// <summary>Counts a wrong password; true when it shuts the client out of the account.</summary>
    public bool Failed(string account, string client)
    {
        var now = time.GetUtcNow();
        var limits = options.Value;
        var window = TimeSpan.FromMinutes(limits.LockoutMinutes);
        Failures Next(Failures f)
        {
            // Failures older than the lock-out period, or from before a lock-out that has ended, are forgotten.
            var start = f.LastAt + window < now || f.Until <= now ? new Failures(0, now, null) : f;
            var count = start.Count + 1;
            return new Failures(count, now, count >= limits.MaxFailedSignIns ? now + window : null);
        }
        var updated = _failures.AddOrUpdate(Key(account, client), _ => Next(new Failures(0, now, null)), (_, f) => Next(f));
        if (_failures.Count > SweepAbove)
        {
            foreach (var (key, f) in _failures.Where(e => e.Value.LastAt + window < now && !(e.Value.Until > now)))
            {
                _failures.TryRemove(key, out _);
            }
        }
        return updated.Until is not null;
    }

    public void Succeeded(string account, string client) => _failures.TryRemove(Key(account, client), out _);

    /// <summary>
    /// True for the first refusal of this key in the current minute: throttled requests are audited once a minute
    /// per client or account, so that a flood of them cannot become a flood of audit writes.
    /// </summary>
    public bool FirstRefusalThisMinute(string key)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var first = false;
        _refusalsAudited.AddOrUpdate(key, _ => { first = true; return minute; }, (_, previous) => { first = previous != minute; return minute; });
        if (_refusalsAudited.Count > SweepAbove)
        {
            foreach (var (stale, _) in _refusalsAudited.Where(e => e.Value != minute))
            {
                _refusalsAudited.TryRemove(stale, out _);
            }
        }
        return first;
    }

    public void Dispose() => _accounts.Dispose();

    private static string Key(string account, string client) => $"{account}\n{client}";

    private sealed record Failures(int Count, DateTimeOffset LastAt, DateTimeOffset? Until);
}

/// <summary>
/// Checks a password against a hash of a random one, for sign-ins that end before a real check (unknown account,
/// locked account, shut-out client), so that every answer costs the same hashing and takes about as long.
/// </summary>
public static class DecoyPassword
{
    private static string? _hash;

    public static void Check(IPasswordHasher<AppUser> hasher, string password)
    {
        var nobody = new AppUser();
        _hash ??= hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(nobody, _hash, password);
    }
}
