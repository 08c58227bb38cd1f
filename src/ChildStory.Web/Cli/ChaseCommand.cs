using System.CommandLine;
using ChildStory.Features.Sharing;

namespace ChildStory.Web.Cli;

/// <summary><c>childstory chase</c>: chase and escalate unacknowledged shares now (the web app also does it every minute).</summary>
internal static class ChaseCommand
{
    public static Command Create()
    {
        var command = new Command("chase", "Chase unacknowledged shares, escalate overdue referral steps and front-door decisions, start and check statutory clocks, and complete withdrawals whose notice ran out");
        command.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ChaseShares>().RunAsync(ct);
            Console.WriteLine($"Shares: {outcome.Chased:N0} chased, {outcome.EscalatedToRecipientManagers:N0} escalated to recipients' managers, " +
                $"{outcome.EscalatedToSenderManagers:N0} escalated to senders' managers.");
            var referrals = await scope.ServiceProvider.GetRequiredService<Features.Referrals.ChaseReferrals>().RunAsync(ct);
            Console.WriteLine($"Referrals: {referrals:N0} overdue steps escalated.");
            var differences = await scope.ServiceProvider.GetRequiredService<Features.Escalation.ChaseDifferences>().RunAsync(ct);
            Console.WriteLine($"Escalation: {differences:N0} unanswered stages raised with the practitioners who raised them.");
            var raised = await scope.ServiceProvider.GetRequiredService<Features.FrontDoor.RaiseContacts>().RunAsync(ct);
            var overdue = await scope.ServiceProvider.GetRequiredService<Features.FrontDoor.FrontDoorQueue>().AlertOverdueAsync(ct);
            Console.WriteLine($"Front door: {raised:N0} contacts raised from police incidents, {overdue:N0} overdue decisions raised with managers.");
            var watched = await scope.ServiceProvider.GetRequiredService<Features.Timescales.WatchTimescales>().RunAsync(ct);
            Console.WriteLine($"Timescales: {watched.InterviewsStarted:N0} return home interview clocks started, {watched.InterviewsMet:N0} met by interviews, " +
                $"{watched.TransitionsStarted:N0} transition plan clocks started, {watched.OverdueRaised:N0} overdue raised with teams; " +
                $"{watched.WithdrawalsCompleted:N0} withdrawals took effect after notice.");
            return 0;
        });
        return command;
    }
}
