using System.CommandLine;
using ChildStory.Features.Identity;
using Spectre.Console;

namespace ChildStory.Web.Cli;

/// <summary><c>childstory match</c>: link every pending event now (the batch job the web app also runs in the background).</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var command = new Command("match", "Match events intake could not link by an identifier: link, queue for review, or make a new person");
        command.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var matcher = scope.ServiceProvider.GetRequiredService<MatchUnlinkedEvents>();
            MatchUnlinkedEvents.Outcome outcome = null!;
            await AnsiConsole.Status().StartAsync("Matching pending events…", async status =>
                outcome = await matcher.RunAsync(new Progress<int>(n => status.Status($"Matched {n:N0} events…")), ct));
            Console.WriteLine($"{outcome.Events:N0} events: {outcome.Linked:N0} linked ({outcome.NewPeople:N0} new people), " +
                $"{outcome.AwaitingReview:N0} awaiting review, {outcome.Unidentified:N0} unidentified.");
            return 0;
        });
        return command;
    }
}
