using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Audit;

/// <summary>A change to the model without its migration fails here (see docs/decisions/0002).</summary>
public abstract class MigrationTests<TDatabase>(TDatabase fixture) where TDatabase : ProviderDatabase
{
    [Fact]
    public async Task Migrations_match_the_model()
    {
        await using var db = fixture.Database.CreateContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run ./scripts/add-migration.sh");
    }
}

public sealed class MigrationsOnSqlite(SqliteDatabase db) : MigrationTests<SqliteDatabase>(db), IClassFixture<SqliteDatabase>;

[Collection(PostgresCollection.Name)]
public sealed class MigrationsOnPostgres(PostgresDatabase db) : MigrationTests<PostgresDatabase>(db), IClassFixture<PostgresDatabase>;
