using ChildStory.Data;
using ChildStory.Domain.Notifications;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace ChildStory.Features.Notifications;

/// <summary>
/// Delivers the outbox: every due <see cref="OutgoingEmail"/> (not sent, next attempt now or earlier) goes through the
/// configured SMTP server, <see cref="EmailOptions.BatchSize"/> at a time over one connection. Each message is marked
/// sent or failed (and retried later with back-off) and saved as soon as it is tried, so one bad message does not stop
/// the rest and a crash repeats at most the message in flight. A server that cannot be reached fails the batch, which
/// waits for its next attempt; an SMTP problem never throws. Runs in the web app's background
/// (<c>Email:DispatchIntervalSeconds</c>) and as <c>childstory email send</c>.
/// </summary>
public sealed class DispatchEmails(ChildStoryDbContext db, IOptions<EmailOptions> options)
{
    /// <param name="SmtpConfigured">False when <c>Email:Host</c> is not set: nothing was tried and the outbox is untouched.</param>
    public sealed record Outcome(bool SmtpConfigured, int Sent, int Failed);

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return new Outcome(false, 0, 0);
        }
        var (sent, failed) = (0, 0);
        while (true)
        {
            var now = db.Time.GetUtcNow();
            var batch = await db.OutgoingEmails
                .Where(e => e.SentAt == null && e.NextAttemptAt != null && e.NextAttemptAt <= now)
                .OrderBy(e => e.NextAttemptAt).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id)
                .Take(Math.Max(1, settings.BatchSize))
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new Outcome(true, sent, failed);
            }
            var result = await SendBatchAsync(settings, batch, ct);
            sent += result.Sent;
            failed += result.Failed;
            if (result.ServerUnreachable)
            {
                // The rest of the outbox waits for the next run rather than failing against the same server.
                return new Outcome(true, sent, failed);
            }
        }
    }

    private async Task<(int Sent, int Failed, bool ServerUnreachable)> SendBatchAsync(EmailOptions settings, List<OutgoingEmail> batch, CancellationToken ct)
    {
        var (sent, failed) = (0, 0);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var email = batch[i];
                if (!client.IsConnected && await ConnectAsync(client, settings, ct) is { } connectError)
                {
                    // Nothing more can go over this connection: the batch's remaining messages wait for their next attempt.
                    foreach (var waiting in batch.Skip(i))
                    {
                        waiting.Failed(connectError, db.Time.GetUtcNow());
                        failed++;
                    }
                    await db.SaveChangesAsync(CancellationToken.None);
                    return (sent, failed, true);
                }
                try
                {
                    await client.SendAsync(Compose(settings, email), ct);
                    email.Sent(db.Time.GetUtcNow());
                    sent++;
                }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                {
                    email.Failed(Describe(e), db.Time.GetUtcNow());
                    failed++;
                }
                // Saved one by one: what went is never sent again, even if the process stops mid-batch.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
                catch (Exception)
                {
                    // The messages are already recorded; a server that hangs up untidily changes nothing.
                }
            }
        }
        return (sent, failed, false);
    }

    /// <returns>Null when connected (and signed in), otherwise why not.</returns>
    private static async Task<string?> ConnectAsync(SmtpClient client, EmailOptions settings, CancellationToken ct)
    {
        try
        {
            await client.ConnectAsync(settings.Host!.Trim(), settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", ct);
            }
            return null;
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: false, CancellationToken.None);
                }
                catch (Exception)
                {
                    // Already failing; the connection is dropped either way.
                }
            }
            return $"Could not connect to the SMTP server {settings.Host}:{settings.Port}: {Describe(e)}";
        }
    }

    private static MimeMessage Compose(EmailOptions settings, OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.Date = email.CreatedAt;
        // One Message-Id per outbox row, so a receiving server can recognise a message repeated after a crash.
        var domain = settings.From.Contains('@') ? settings.From[(settings.From.LastIndexOf('@') + 1)..] : "childstory";
        message.MessageId = $"{email.Id:N}@{domain}";
        message.Body = new TextPart(TextFormat.Plain) { Text = email.Body };
        return message;
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
