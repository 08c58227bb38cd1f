using MailKit.Security;

namespace ChildStory.Features.Notifications;

/// <summary>
/// How e-mail leaves ChildStory (configuration section "Email"). With no <see cref="Host"/> e-mail is off: messages
/// stay in the outbox (<see cref="Domain.Notifications.OutgoingEmail"/>) and go once a host is configured.
/// </summary>
public sealed class EmailOptions
{
    /// <summary>The partnership's SMTP server (relay). Empty: e-mail is switched off and nothing is sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>
    /// TLS on the SMTP connection: <c>StartTlsWhenAvailable</c> (default: upgrade when the server offers STARTTLS,
    /// plain otherwise), <c>StartTls</c> (require it), <c>SslOnConnect</c> (implicit TLS, usually port 465),
    /// <c>Auto</c> or <c>None</c>.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Sign in to the SMTP server only when a user name is set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "childstory@localhost";

    public string FromName { get; set; } = "ChildStory";

    /// <summary>Where ChildStory is served, for the sign-in links in e-mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>How often the web app's background dispatcher sends due e-mails; 0 turns it off (<c>childstory email send</c> still works).</summary>
    public int DispatchIntervalSeconds { get; set; } = 15;

    /// <summary>E-mails sent over one SMTP connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long one SMTP operation (connect, sign in, send) may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>An absolute link into ChildStory for an e-mail body, from a path such as <c>/shares/{id}</c>.</summary>
    public string Link(string path) => BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
