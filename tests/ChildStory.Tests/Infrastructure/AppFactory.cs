using ChildStory.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Infrastructure;

/// <summary>
/// The whole app over the HTTP pipeline, on a fresh database of one provider, with a settable clock.
/// One factory per test class (xunit class fixture); the derived classes pick the provider.
/// </summary>
public abstract class AppFactory(DatabaseProvider provider) : WebApplicationFactory<ChildStory.Web.Program>, IAsyncLifetime
{
    public DatabaseProvider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(Provider);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:ChildStory", Database.Settings.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        // Tests run the identity matcher themselves, when they choose.
        builder.UseSetting("Identity:IntervalSeconds", "0");
        builder.UseSetting("Sharing:ChaseIntervalSeconds", "0");
        builder.UseSetting("Email:DispatchIntervalSeconds", "0");
        // Tests sign in many times a minute from one client; throttling tests set their own low limits.
        builder.UseSetting("Security:SignInPermitPerMinute", "100000");
        builder.UseSetting("Security:SignInAccountPermitPerMinute", "100000");
        builder.UseSetting("Security:ApiPermitPerMinute", "100000");
        builder.UseSetting("Audit:CheckpointIntervalSeconds", "0");
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public ChildStoryDbContext CreateContext() => Database.CreateContext(time: Clock);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class SqliteAppFactory() : AppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : AppFactory(DatabaseProvider.Postgres);

/// <summary>PostgreSQL tests share one collection so that a 2-core machine is not asked to run them all at once.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection
{
    public const string Name = "PostgreSQL";
}
