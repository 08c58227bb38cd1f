using System.Data.Common;
using ChildStory.Data;
using ChildStory.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Api;

/// <summary>
/// The app with a hook on every database read its requests make, for tests that must make a failure happen (an
/// exception inside a request) or make two requests meet at one point (both read the plan before either saves).
/// </summary>
public abstract class HookedAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public CommandHook Hook { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<ChildStoryDbContext>(o => o.AddInterceptors(Hook)));
    }
}

public sealed class SqliteHookedAppFactory() : HookedAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresHookedAppFactory() : HookedAppFactory(DatabaseProvider.Postgres);

public sealed class CommandHook : DbCommandInterceptor
{
    /// <summary>Runs before each query is sent; may throw.</summary>
    public Func<DbCommand, Task>? BeforeRead { get; set; }

    /// <summary>Runs after each query has answered; may wait.</summary>
    public Func<DbCommand, Task>? AfterRead { get; set; }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (BeforeRead is { } before)
        {
            await before(command);
        }
        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (AfterRead is { } after)
        {
            await after(command);
        }
        return result;
    }
}
