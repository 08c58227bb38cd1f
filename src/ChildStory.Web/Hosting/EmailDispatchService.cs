using ChildStory.Features.Notifications;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Sends due e-mails from the outbox every <c>Email:DispatchIntervalSeconds</c> (0 turns it off;
/// <c>childstory email send</c> sends once). Without <c>Email:Host</c> it says so once and e-mails stay queued.
/// A failed run is logged and tried again at the next interval: the e-mails stay in the outbox.
/// </summary>
internal sealed class EmailDispatchService(IServiceProvider services, IOptions<EmailOptions> options, ILogger<EmailDispatchService> log, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DispatchIntervalSeconds <= 0)
        {
            return;
        }
        var saidNotConfigured = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DispatchIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<DispatchEmails>().RunAsync(stoppingToken);
                if (!outcome.SmtpConfigured)
                {
                    if (!saidNotConfigured)
                    {
                        log.LogWarning("E-mail is not sent: SMTP is not configured (Email:Host). E-mails stay queued until it is");
                        saidNotConfigured = true;
                    }
                }
                else if (outcome.Failed > 0)
                {
                    log.LogWarning("E-mail: {Sent} sent, {Failed} failed and queued to try again", outcome.Sent, outcome.Failed);
                }
                else if (outcome.Sent > 0)
                {
                    log.LogInformation("E-mail: {Sent} sent", outcome.Sent);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The e-mail dispatcher failed; it will try again at the next interval");
            }
        }
    }
}
