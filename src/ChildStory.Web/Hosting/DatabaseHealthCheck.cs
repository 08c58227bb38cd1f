using ChildStory.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChildStory.Web.Hosting;

/// <summary>Healthy when the database answers; for load balancers and monitoring at <c>/health</c>.</summary>
internal sealed class DatabaseHealthCheck(ChildStoryDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer");
}
