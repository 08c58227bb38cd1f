using ChildStory.Features.Sharing;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Runs the share chaser, the referral chaser and the timescale watcher every <see cref="SharingOptions.ChaseIntervalSeconds"/> (0 switches it off). Steps are
/// scheduled from due times, so a chaser that was stopped catches up when it starts, and never repeats a step.
/// </summary>
internal sealed class ShareChasingService(IServiceProvider services, IOptions<SharingOptions> options, ILogger<ShareChasingService> log, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ChaseIntervalSeconds <= 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ChaseIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ChaseShares>().RunAsync(stoppingToken);
                if (outcome.Chased + outcome.EscalatedToRecipientManagers + outcome.EscalatedToSenderManagers > 0)
                {
                    log.LogInformation("Shares: {Chased} chased, {Recipient} escalated to recipients' managers, {Sender} escalated to senders' managers",
                        outcome.Chased, outcome.EscalatedToRecipientManagers, outcome.EscalatedToSenderManagers);
                }
                var contacts = await scope.ServiceProvider.GetRequiredService<Features.FrontDoor.RaiseContacts>().RunAsync(stoppingToken);
                var overdueContacts = await scope.ServiceProvider.GetRequiredService<Features.FrontDoor.FrontDoorQueue>().AlertOverdueAsync(stoppingToken);
                if (contacts + overdueContacts > 0)
                {
                    log.LogInformation("Front door: {Raised} contacts raised from police incidents, {Overdue} overdue decisions raised with managers", contacts, overdueContacts);
                }
                var referrals = await scope.ServiceProvider.GetRequiredService<Features.Referrals.ChaseReferrals>().RunAsync(stoppingToken);
                if (referrals > 0)
                {
                    log.LogInformation("Referrals: {Count} overdue steps escalated", referrals);
                }
                var watched = await scope.ServiceProvider.GetRequiredService<Features.Timescales.WatchTimescales>().RunAsync(stoppingToken);
                if (watched != new Features.Timescales.WatchSummary(0, 0, 0, 0, 0))
                {
                    log.LogInformation("Timescales: {Started} return home interview clocks started, {Met} met, {Transitions} transition clocks started, "
                        + "{Overdue} overdue raised; {Withdrawals} withdrawals took effect",
                        watched.InterviewsStarted, watched.InterviewsMet, watched.TransitionsStarted, watched.OverdueRaised, watched.WithdrawalsCompleted);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The share chaser failed; it will try again at the next interval");
            }
        }
    }
}
