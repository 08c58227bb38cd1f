using ChildStory.Features.Sharing;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Runs the share chaser, the referral chaser, the safeguarding rules (changed children every time, the time-driven
/// sweep hourly) and the timescale watcher every <see cref="SharingOptions.ChaseIntervalSeconds"/> (0 switches it off). Steps are
/// scheduled from due times, so a chaser that was stopped catches up when it starts, and never repeats a step.
/// </summary>
internal sealed class ShareChasingService(IServiceProvider services, IOptions<SharingOptions> options, ILogger<ShareChasingService> log, TimeProvider time)
    : BackgroundService
{
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

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
                var differences = await scope.ServiceProvider.GetRequiredService<Features.Escalation.ChaseDifferences>().RunAsync(stoppingToken);
                if (differences > 0)
                {
                    log.LogInformation("Escalation: {Count} unanswered stages raised with the practitioners who raised them", differences);
                }
                var rules = scope.ServiceProvider.GetRequiredService<Features.Rules.RunRules>();
                var changed = await rules.RunQueueAsync(ct: stoppingToken);
                if (time.GetUtcNow() - _lastSweep >= TimeSpan.FromHours(1))
                {
                    _lastSweep = time.GetUtcNow();
                    var swept = await rules.SweepAsync(stoppingToken);
                    log.LogInformation("Rules: {Children} children swept for time-driven rules, {Alerts} alerts raised", swept.Children, swept.AlertsRaised);
                }
                if (changed.AlertsRaised > 0)
                {
                    log.LogInformation("Rules: {Children} changed children evaluated, {Alerts} alerts raised", changed.Children, changed.AlertsRaised);
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
