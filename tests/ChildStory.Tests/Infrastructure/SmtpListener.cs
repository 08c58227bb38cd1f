using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ChildStory.Tests.Infrastructure;

/// <summary>An e-mail as the test SMTP server received it: the envelope and the parsed message.</summary>
public sealed record ReceivedEmail(string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, MimeMessage Message);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port, keeping every message it accepts, for tests of
/// e-mail delivery. No TLS and no sign-in: it does not offer STARTTLS, so a client set to
/// <c>StartTlsWhenAvailable</c> talks plain SMTP to it. Recipients can be refused to test a per-message failure.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly object _lock = new();
    private readonly List<ReceivedEmail> _received = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;

    private SmtpListener(int port, Func<string, bool> acceptRecipient, EndpointListenerFactory endpoints)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(endpoints);
        services.Add(new Store(this));
        services.Add(new RecipientFilter(acceptRecipient));
        _server = new SmtpServer.SmtpServer(options, services);
    }

    public int Port { get; }

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<ReceivedEmail> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts listening on <paramref name="port"/> (default: a free one) and returns once connections are accepted.</summary>
    /// <param name="acceptRecipient">Decides per recipient address; a refused one gets "550 mailbox unavailable".</param>
    public static async Task<SmtpListener> StartAsync(int? port = null, Func<string, bool>? acceptRecipient = null)
    {
        var endpoints = new EndpointListenerFactory();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        endpoints.EndpointStarted += (_, _) => started.TrySetResult();
        var listener = new SmtpListener(port ?? FreePort(), acceptRecipient ?? (_ => true), endpoints);
        listener._running = listener._server.StartAsync(listener._stop.Token);
        // A port already taken faults the server task; surface that rather than waiting for the start.
        await Task.WhenAny(started.Task, listener._running).WaitAsync(DefaultWait);
        if (listener._running.IsFaulted)
        {
            await listener._running;
        }
        return listener;
    }

    /// <summary>A loopback port nothing listens on at the moment of asking (the system hands out a fresh one).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived; throws <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultWait);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_received.Count >= count)
                {
                    return [.. _received];
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Expected {count} e-mail(s) within {timeout ?? DefaultWait}; received {Received.Count}");
            }
        }
    }

    public async Task<ReceivedEmail> WaitForMessageAsync(TimeSpan? timeout = null) => (await WaitForMessagesAsync(1, timeout))[0];

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(DefaultWait);
        }
        catch (OperationCanceledException)
        {
            // Stopped by the cancellation above.
        }
        _stop.Dispose();
    }

    private void Add(ReceivedEmail email)
    {
        lock (_lock)
        {
            _received.Add(email);
            var previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.SetResult();
        }
    }

    private sealed class Store(SmtpListener listener) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            listener.Add(new ReceivedEmail(Address(transaction.From), [.. transaction.To.Select(Address)], message));
            return SmtpResponse.Ok;
        }

        private static string Address(IMailbox mailbox) => $"{mailbox.User}@{mailbox.Host}";
    }

    private sealed class RecipientFilter(Func<string, bool> accept) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(accept($"{to.User}@{to.Host}"));
    }
}
