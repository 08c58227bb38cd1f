using ChildStory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

// Usage: dotnet run --project tools/ChildStory.MigrationTool -- <MigrationName> <repo-root>
// Scaffolds the named migration (and updates the model snapshot) in both migrations projects.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ChildStory.MigrationTool <MigrationName> <repo-root>");
    return 2;
}
var (name, root) = (args[0], args[1]);
foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
{
    var project = Path.Combine(root, "src", $"ChildStory.Migrations.{provider}");
    var options = new DbContextOptionsBuilder<ChildStoryDbContext>();
    DatabaseSetup.Configure(options, new DatabaseSettings(provider, DatabaseSetup.DesignTimeConnectionString(provider)));
    using var db = new ChildStoryDbContext(options.Options);
    var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(db);
    IDesignTimeServices providerServices = provider == DatabaseProvider.Postgres
        ? new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices()
        : new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices();
    providerServices.ConfigureDesignTimeServices(services);
    using var provided = services.BuildServiceProvider();
    var scaffolder = provided.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, $"ChildStory.Migrations.{provider}", "Migrations", "C#");
    var files = scaffolder.Save(project, migration, Path.Combine(project, "Migrations"));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}
return 0;
