using ChildStory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChildStory.Migrations.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ChildStoryDbContext>
{
    public ChildStoryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
        DatabaseSetup.Configure(options, new DatabaseSettings(DatabaseProvider.Postgres, DatabaseSetup.DesignTimeConnectionString(DatabaseProvider.Postgres)));
        return new ChildStoryDbContext(options.Options);
    }
}
