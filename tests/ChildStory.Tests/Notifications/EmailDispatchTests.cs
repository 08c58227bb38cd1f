using ChildStory.Data;
using ChildStory.Domain.Notifications;
using ChildStory.Features.Notifications;
using ChildStory.Tests.Infrastructure;
using ChildStory.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChildStory.Tests.Notifications;

/// <summary>The outbox is delivered through a real SMTP server on loopback, retried when the server is away, and left alone when e-mail is off.</summary>
public sealed class EmailDispatchTests : IAsyncLifetime
{
    private const string From = "childstory@westmere.test.example";
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 16, 10, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EmailOptions Smtp(int port, string? host = "127.0.0.1") => new()
    {
        Host = host,
        Port = port,
        From = From,
        FromName = "Westmere ChildStory",
        BatchSize = 2,
        TimeoutSeconds = 10,
    };

    private async Task<DispatchEmails.Outcome> DispatchAsync(EmailOptions options)
    {
        await using var db = _database.CreateContext(time: _clock);
        return await new DispatchEmails(db, Options.Create(options)).RunAsync();
    }

    private async Task<List<OutgoingEmail>> QueueAsync(params (string To, string Subject, string Body)[] emails)
    {
        await using var db = _database.CreateContext(time: _clock);
        var queued = emails.Select(e => new OutgoingEmail(Guid.NewGuid(), e.To, e.Subject, e.Body, _clock.Now)).ToList();
        db.OutgoingEmails.AddRange(queued);
        await db.SaveChangesAsync();
        return queued;
    }

    private async Task<OutgoingEmail> ReloadAsync(Guid id)
    {
        await using var db = _database.CreateContext(time: _clock);
        return await db.OutgoingEmails.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static string Body(string name) =>
        $"Dear {name},\n\nA share in ChildStory needs your acknowledgement.\nSign in to read it: http://localhost:5080/shares/1\n";

    // Line endings become CRLF on the wire, and the test server keeps the final line break as part of the "." terminator.
    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n").TrimEnd('\n');

    [Fact]
    public async Task Email_queued_messages_are_delivered_once_with_their_address_subject_and_body_and_marked_sent()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var queued = await QueueAsync(
            ("sam.okoro@yjs.test.example", "A share needs your acknowledgement", Body("Sam")),
            ("priya.shah@health.test.example", "A share is overdue", Body("Priya")),
            ("li.wei@school.test.example", "You have a new share", Body("Li")));
        OutgoingEmail later;
        await using (var db = _database.CreateContext(time: _clock))
        {
            later = new OutgoingEmail(Guid.NewGuid(), "later@police.test.example", "Not due yet", "Later", _clock.Now.AddMinutes(5));
            db.OutgoingEmails.Add(later);
            await db.SaveChangesAsync();
        }

        var outcome = await DispatchAsync(Smtp(smtp.Port));

        Assert.Equal(new DispatchEmails.Outcome(true, 3, 0), outcome);
        var received = await smtp.WaitForMessagesAsync(3);
        Assert.Equal(3, received.Count);
        foreach (var email in queued)
        {
            var message = Assert.Single(received, r => r.Message.Subject == email.Subject);
            Assert.Equal([email.To], message.EnvelopeTo);
            Assert.Equal(From, message.EnvelopeFrom);
            Assert.Equal(email.To, Assert.Single(message.Message.To.Mailboxes).Address);
            var sender = Assert.Single(message.Message.From.Mailboxes);
            Assert.Equal((From, "Westmere ChildStory"), (sender.Address, sender.Name));
            Assert.Null(message.Message.HtmlBody);
            Assert.Equal(Lines(email.Body), Lines(message.Message.TextBody));
            Assert.Equal($"{email.Id:N}@westmere.test.example", message.Message.MessageId);

            var stored = await ReloadAsync(email.Id);
            Assert.Equal(_clock.Now, stored.SentAt);
            Assert.Equal(1, stored.Attempts);
            Assert.Null(stored.NextAttemptAt);
            Assert.Null(stored.LastError);
        }
        Assert.Null((await ReloadAsync(later.Id)).SentAt);

        Assert.Equal(new DispatchEmails.Outcome(true, 0, 0), await DispatchAsync(Smtp(smtp.Port)));
        Assert.Equal(3, smtp.Received.Count);

        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(new DispatchEmails.Outcome(true, 1, 0), await DispatchAsync(Smtp(smtp.Port)));
        Assert.Equal("Not due yet", (await smtp.WaitForMessagesAsync(4))[3].Message.Subject);
    }

    [Fact]
    public async Task Email_to_an_unreachable_server_fails_with_the_error_waits_and_is_delivered_once_the_server_is_back()
    {
        var port = SmtpListener.FreePort();
        var queued = await QueueAsync(
            ("sam.okoro@yjs.test.example", "A share needs your acknowledgement", Body("Sam")),
            ("priya.shah@health.test.example", "A share is overdue", Body("Priya")));
        var failedAt = _clock.Now;

        Assert.Equal(new DispatchEmails.Outcome(true, 0, 2), await DispatchAsync(Smtp(port)));

        foreach (var email in queued)
        {
            var stored = await ReloadAsync(email.Id);
            Assert.Null(stored.SentAt);
            Assert.Equal(1, stored.Attempts);
            Assert.Equal(failedAt.AddMinutes(1), stored.NextAttemptAt);
            Assert.NotNull(stored.LastError);
            Assert.Contains($"Could not connect to the SMTP server 127.0.0.1:{port}", stored.LastError);
        }
        // Not due again yet: no new attempt, nothing changes.
        Assert.Equal(new DispatchEmails.Outcome(true, 0, 0), await DispatchAsync(Smtp(port)));
        Assert.Equal(1, (await ReloadAsync(queued[0].Id)).Attempts);

        await using var smtp = await SmtpListener.StartAsync(port);
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new DispatchEmails.Outcome(true, 0, 0), await DispatchAsync(Smtp(port)));
        Assert.Empty(smtp.Received);

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(new DispatchEmails.Outcome(true, 2, 0), await DispatchAsync(Smtp(port)));
        var received = await smtp.WaitForMessagesAsync(2);
        Assert.Equal(queued.Select(e => e.To).Order(), received.Select(r => r.EnvelopeTo.Single()).Order());
        foreach (var email in queued)
        {
            var stored = await ReloadAsync(email.Id);
            Assert.Equal(_clock.Now, stored.SentAt);
            Assert.Equal(2, stored.Attempts);
            Assert.Null(stored.LastError);
            Assert.Null(stored.NextAttemptAt);
        }
    }

    [Fact]
    public async Task Email_a_refused_or_malformed_address_fails_on_its_own_and_the_rest_are_delivered()
    {
        await using var smtp = await SmtpListener.StartAsync(acceptRecipient: to => to != "left@yjs.test.example");
        var queued = await QueueAsync(
            ("sam.okoro@yjs.test.example", "First", Body("Sam")),
            ("left@yjs.test.example", "Refused", Body("Left")),
            ("not an address", "Malformed", Body("Nobody")),
            ("priya.shah@health.test.example", "Last", Body("Priya")));

        Assert.Equal(new DispatchEmails.Outcome(true, 2, 2), await DispatchAsync(Smtp(smtp.Port)));

        Assert.Equal(["First", "Last"], (await smtp.WaitForMessagesAsync(2)).Select(r => r.Message.Subject).Order());
        Assert.NotNull((await ReloadAsync(queued[0].Id)).SentAt);
        Assert.NotNull((await ReloadAsync(queued[3].Id)).SentAt);
        var refused = await ReloadAsync(queued[1].Id);
        Assert.Null(refused.SentAt);
        Assert.StartsWith("SmtpCommandException:", refused.LastError);
        Assert.Equal(_clock.Now.AddMinutes(1), refused.NextAttemptAt);
        var malformed = await ReloadAsync(queued[2].Id);
        Assert.Null(malformed.SentAt);
        Assert.StartsWith("ParseException:", malformed.LastError);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task Email_without_a_configured_host_sends_nothing_and_marks_nothing_failed()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var queued = await QueueAsync(("sam.okoro@yjs.test.example", "A share needs your acknowledgement", Body("Sam")));

        Assert.Equal(new DispatchEmails.Outcome(false, 0, 0), await DispatchAsync(Smtp(smtp.Port, host: null)));
        Assert.Equal(new DispatchEmails.Outcome(false, 0, 0), await DispatchAsync(Smtp(smtp.Port, host: " ")));

        var stored = await ReloadAsync(queued[0].Id);
        Assert.Null(stored.SentAt);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LastError);
        Assert.Equal(_clock.Now, stored.NextAttemptAt);
        Assert.Empty(smtp.Received);

        // Switched on, the same message goes.
        Assert.Equal(new DispatchEmails.Outcome(true, 1, 0), await DispatchAsync(Smtp(smtp.Port)));
        Assert.Equal("sam.okoro@yjs.test.example", (await smtp.WaitForMessageAsync()).EnvelopeTo.Single());
    }

    private ServiceProvider Services(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Database:Provider"] = _database.Settings.Provider.ToString(),
            ["ConnectionStrings:ChildStory"] = _database.Settings.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddChildStoryCore(configuration);
        services.AddSingleton<TimeProvider>(_clock);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Email_background_dispatcher_sends_due_messages_every_interval_and_does_not_run_at_zero()
    {
        await using var smtp = await SmtpListener.StartAsync();
        var queued = await QueueAsync(("sam.okoro@yjs.test.example", "A share needs your acknowledgement", Body("Sam")));

        await using (var off = Services(new Dictionary<string, string?> { ["Email:Host"] = "127.0.0.1", ["Email:Port"] = $"{smtp.Port}", ["Email:DispatchIntervalSeconds"] = "0" }))
        {
            using var service = new EmailDispatchService(off, off.GetRequiredService<IOptions<EmailOptions>>(), NullLogger<EmailDispatchService>.Instance, _clock);
            await service.StartAsync(CancellationToken.None);
            // At 0 the loop ends straight away instead of waiting for a tick.
            await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));
            await service.StopAsync(CancellationToken.None);
        }
        Assert.Empty(smtp.Received);

        await using var on = Services(new Dictionary<string, string?> { ["Email:Host"] = "127.0.0.1", ["Email:Port"] = $"{smtp.Port}", ["Email:DispatchIntervalSeconds"] = "1" });
        using (var service = new EmailDispatchService(on, on.GetRequiredService<IOptions<EmailOptions>>(), NullLogger<EmailDispatchService>.Instance, _clock))
        {
            await service.StartAsync(CancellationToken.None);
            Assert.Equal("sam.okoro@yjs.test.example", (await smtp.WaitForMessageAsync()).EnvelopeTo.Single());
            // The listener has the message as soon as SMTP says so; the dispatcher records it as sent just after.
            // Wait for that before stopping the service, which would otherwise cancel the save.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while ((await ReloadAsync(queued[0].Id)).SentAt is null && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
            await service.StopAsync(CancellationToken.None);
        }
        Assert.Equal(_clock.Now, (await ReloadAsync(queued[0].Id)).SentAt);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Email_send_verb_delivers_due_messages_and_says_when_smtp_is_not_configured()
    {
        await using var smtp = await SmtpListener.StartAsync();
        await using (var db = _database.CreateContext())
        {
            db.OutgoingEmails.Add(new OutgoingEmail(Guid.NewGuid(), "sam.okoro@yjs.test.example", "A share needs your acknowledgement", Body("Sam"), DateTimeOffset.UtcNow.AddMinutes(-1)));
            await db.SaveChangesAsync();
        }

        var (offCode, offOutput) = await CliProcess.RunAsync(_database.Settings, "email", "send");
        Assert.True(offCode == 1, offOutput);
        Assert.Contains("SMTP is not configured", offOutput);
        Assert.Empty(smtp.Received);

        var (code, output) = await CliProcess.RunAsync(_database.Settings,
            new Dictionary<string, string> { ["Email__Host"] = "127.0.0.1", ["Email__Port"] = $"{smtp.Port}" }, "email", "send");
        Assert.True(code == 0, output);
        Assert.Contains("E-mails sent: 1; failed: 0", output);
        Assert.Equal("A share needs your acknowledgement", (await smtp.WaitForMessageAsync()).Message.Subject);
    }
}
