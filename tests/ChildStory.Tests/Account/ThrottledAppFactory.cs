using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Account;

/// <summary>The app with low sign-in and API limits, and a password hasher that counts its checks.</summary>
public abstract class ThrottledAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public const int ClientPermitPerMinute = 8;
    public const int AccountPermitPerMinute = 10;
    public const int MaxFailedSignIns = 3;
    public const int ApiPermitPerMinute = 5;

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SignInPermitPerMinute", ClientPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:SignInAccountPermitPerMinute", AccountPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:MaxFailedSignIns", MaxFailedSignIns.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Security:ApiPermitPerMinute", ApiPermitPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

public sealed class ThrottledSqliteAppFactory() : ThrottledAppFactory(DatabaseProvider.Sqlite);

public sealed class ThrottledPostgresAppFactory() : ThrottledAppFactory(DatabaseProvider.Postgres);

/// <summary>Identity's own hasher, counting how many passwords it has checked (the costly part of a sign-in).</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
