using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ChildStory.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString);

/// <summary>
/// Chooses the database: SQLite (embedded, the default) or PostgreSQL (production), from configuration
/// <c>Database:Provider</c> and <c>ConnectionStrings:ChildStory</c> (or the environment: <c>Database__Provider</c>,
/// <c>ConnectionStrings__ChildStory</c>). Each provider has its own migrations assembly.
/// </summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=childstory.db";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("ChildStory");
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = connectionString is not null && connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
                ? DatabaseProvider.Postgres
                : DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:ChildStory is not set.");
        }
        return new DatabaseSettings(provider, connectionString);
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Postgres:
                options.UseNpgsql(Tuned(settings.ConnectionString), o => o.MigrationsAssembly("ChildStory.Migrations.Postgres"));
                break;
            default:
                options.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly("ChildStory.Migrations.Sqlite"));
                break;
        }
    }

    /// <summary>
    /// Two Npgsql settings for an app that asks the same few dozen questions all day, unless the connection string
    /// sets them itself: the most used statements are prepared on each connection (PostgreSQL does not parse and plan
    /// them on every request), and a connection going back to the pool is not reset (six statements each time; a
    /// request opens and closes its connection for every query). Nothing in ChildStory keeps session state — no
    /// SET, temporary tables, cursors, LISTEN or advisory locks — so there is nothing to reset.
    /// </summary>
    internal static string Tuned(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        bool Says(params string[] keys) => keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
        if (!Says("Auto Prepare", "AutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        if (!Says("Reset On Close", "ResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    public static string DesignTimeConnectionString(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? "Host=localhost;Database=childstory_design;Username=postgres"
        : "Data Source=design-time.db";
}
