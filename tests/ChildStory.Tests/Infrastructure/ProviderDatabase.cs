using ChildStory.Data;

namespace ChildStory.Tests.Infrastructure;

/// <summary>A migrated empty database per test class, for data-level tests that need no HTTP.</summary>
public abstract class ProviderDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class SqliteDatabase() : ProviderDatabase(DatabaseProvider.Sqlite);

public sealed class PostgresDatabase() : ProviderDatabase(DatabaseProvider.Postgres);
