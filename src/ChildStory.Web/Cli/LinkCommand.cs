using System.CommandLine;
using ChildStory.Features.Identity;

namespace ChildStory.Web.Cli;

internal static class LinkCommand
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CSV of person records: id,given_name,family_name,date_of_birth,sex,postcode,nhs_number,upn", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write id,cluster_id", Required = true };
        var command = new Command("link", "Group person records that describe the same person (probabilistic matching)") { input, output };
        command.SetAction(parse =>
        {
            var result = LinkFile.Run(parse.GetValue(input)!, parse.GetValue(output)!);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Error!.Fields)
                {
                    foreach (var message in messages) { Console.Error.WriteLine($"{field}: {message}"); }
                }
                return 2;
            }
            var s = result.Value;
            Console.WriteLine($"{s.Records:N0} records in {s.Clusters:N0} clusters ({s.CandidatePairs:N0} pairs compared) in {s.Elapsed.TotalSeconds:N1} s; " +
                $"peak memory {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB; {s.IgnoredIdentifiers:N0} invalid NHS numbers or UPNs ignored.");
            return 0;
        });
        return command;
    }
}
