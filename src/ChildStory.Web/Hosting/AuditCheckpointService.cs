using ChildStory.Features.Audit;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Writes a signed audit checkpoint every <c>Audit:CheckpointIntervalSeconds</c> (0 switches it off; tests do) when the
/// log has grown, so that at most one interval of entries can be deleted or rewritten without <c>audit verify</c>
/// noticing. A refusal (the log no longer matches its newest checkpoint) is logged as critical by the use case and
/// tried again at the next interval; it stays refused until somebody investigates.
/// </summary>
internal sealed class AuditCheckpointService(IServiceProvider services, IOptions<AuditOptions> options, ILogger<AuditCheckpointService> log, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.CheckpointIntervalSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckpointIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WriteCheckpoint>().RunAsync(ct: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The audit checkpoint failed; it will try again at the next interval");
            }
        }
    }
}
