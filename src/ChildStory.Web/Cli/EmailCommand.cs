using System.CommandLine;
using ChildStory.Features.Notifications;

namespace ChildStory.Web.Cli;

/// <summary><c>childstory email send</c>: send due e-mails from the outbox now (the job the web app also runs in the background).</summary>
internal static class EmailCommand
{
    public static Command Create()
    {
        var send = new Command("send", "Send the e-mails that are due through the configured SMTP server (exit code 1 if any failed or SMTP is not configured)");
        send.SetAction(async (_, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<DispatchEmails>().RunAsync(ct);
            if (!outcome.SmtpConfigured)
            {
                Console.WriteLine("SMTP is not configured (set Email:Host): nothing sent, e-mails stay queued.");
                return 1;
            }
            Console.WriteLine($"E-mails sent: {outcome.Sent:N0}; failed: {outcome.Failed:N0} (failed ones are tried again later).");
            return outcome.Failed == 0 ? 0 : 1;
        });
        var email = new Command("email", "E-mail tasks");
        email.Subcommands.Add(send);
        return email;
    }
}
