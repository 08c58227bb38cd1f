using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Hosting;

/// <summary>Applies pending migrations when the host starts, if <c>Database:MigrateOnStartup</c> is true (demo and tests).</summary>
internal sealed class MigrateOnStartup(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Database:MigrateOnStartup"))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await RoleSetup.EnsureRolesAsync(scope.ServiceProvider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
