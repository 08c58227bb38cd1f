using ChildStory.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChildStory.Tests.Infrastructure;

/// <summary>
/// An empty database of one provider, migrated, deleted on dispose. SQLite: a temporary file. PostgreSQL: a
/// uniquely named database on the throwaway cluster that scripts/test.sh starts (CHILDSTORY_TEST_POSTGRES);
/// without it PostgreSQL tests fail — they never skip.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseSettings settings, string? folder, string? adminConnection, string? databaseName)
    {
        Settings = settings;
        _folder = folder;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public DatabaseSettings Settings { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "childstory-test-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            database = new TestDatabase(new DatabaseSettings(provider, $"Data Source={Path.Combine(folder, "test.db")}"), folder, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("CHILDSTORY_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException("CHILDSTORY_TEST_POSTGRES is not set: run ./scripts/test.sh, which starts a throwaway PostgreSQL");
            }
            var name = "cs_test_" + Guid.NewGuid().ToString("N");
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(new DatabaseSettings(provider, builder.ConnectionString), null, admin, name);
        }
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public ChildStoryDbContext CreateContext(IActorAccessor? actors = null, TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
        DatabaseSetup.Configure(options, Settings);
        return new ChildStoryDbContext(options.Options, actors, time);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        if (_adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
