using ChildStory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChildStory.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChildStoryDbContext>
{
    public ChildStoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Sqlite, DatabaseSetup.DesignTimeConnectionString(DatabaseProvider.Sqlite)));
        return new ChildStoryDbContext(options.Options);
    }
}
