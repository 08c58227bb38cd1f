using ChildStory.Features.Identity;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Runs the matcher over events intake could not link, every <c>Identity:IntervalSeconds</c> (0 turns it off;
/// <c>childstory match</c> runs it once). Intake stays fast and durable; linking follows within the interval.
/// A failed run is logged and retried at the next interval: nothing is lost, the events stay pending.
/// </summary>
internal sealed class IdentityMatchingService(IServiceProvider services, IOptions<MatchingOptions> options, ILogger<IdentityMatchingService> log, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<MatchUnlinkedEvents>().RunAsync(ct: stoppingToken);
                if (outcome.Events > 0)
                {
                    log.LogInformation("Matched {Events} events: {Linked} linked, {Review} awaiting review, {People} new people, {Unidentified} unidentified",
                        outcome.Events, outcome.Linked, outcome.AwaitingReview, outcome.NewPeople, outcome.Unidentified);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The identity matcher failed; it will try again at the next interval");
            }
        }
    }
}
