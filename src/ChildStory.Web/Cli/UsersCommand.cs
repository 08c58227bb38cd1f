using System.CommandLine;
using ChildStory.Data;
using ChildStory.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace ChildStory.Web.Cli;

internal static class UsersCommand
{
    public static Command Create()
    {
        var email = new Option<string>("--email") { Description = "Work email address (the sign-in name)", Required = true };
        var given = new Option<string>("--given-name") { Description = "First name", Required = true };
        var family = new Option<string>("--family-name") { Description = "Last name", Required = true };
        var agency = new Option<string>("--agency") { Description = "Agency code, e.g. CSC", Required = true };
        var team = new Option<string?>("--team") { Description = "Team name within the agency" };
        var title = new Option<string>("--job-title") { Description = "Job title", DefaultValueFactory = _ => "Practitioner" };
        var role = new Option<string[]>("--role") { Description = "Role (repeat for several): Practitioner, Manager, FrontDoor, Administrator, PartnershipLead", Required = true, AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "Initial password (generated and printed when omitted)" };
        var add = new Command("add", "Add a practitioner with a sign-in account") { email, given, family, agency, team, title, role, password };
        add.SetAction(async (parse, ct) =>
        {
            await using var host = CliHost.Create();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
            var code = parse.GetValue(agency)!.Trim().ToUpperInvariant();
            var agencyRow = await db.Agencies.SingleOrDefaultAsync(a => a.Code == code, ct);
            var teamName = parse.GetValue(team);
            Guid? teamId = null;
            if (agencyRow is not null && !string.IsNullOrWhiteSpace(teamName))
            {
                teamId = await db.Teams.Where(t => t.AgencyId == agencyRow.Id && t.Name == teamName).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
                if (teamId is null)
                {
                    Console.Error.WriteLine($"--team: agency {code} has no team called '{teamName}'");
                    return 2;
                }
            }
            if (agencyRow is null)
            {
                Console.Error.WriteLine($"--agency: no agency has the code '{code}'");
                return 2;
            }
            var result = await scope.ServiceProvider.GetRequiredService<AddPractitioner>().RunAsync(new AddPractitioner.Command(
                parse.GetValue(given), parse.GetValue(family), parse.GetValue(email), parse.GetValue(title), null,
                agencyRow.Id, teamId, null, parse.GetValue(role)!, parse.GetValue(password)), ct);
            if (!result.Succeeded)
            {
                foreach (var (field, messages) in result.Error!.Fields)
                {
                    foreach (var message in messages)
                    {
                        Console.Error.WriteLine($"{field}: {message}");
                    }
                }
                return 2;
            }
            AnsiConsole.MarkupLineInterpolated($"[green]Added[/] {result.Value.Email}");
            if (result.Value.GeneratedPassword is { } generated)
            {
                Console.WriteLine($"Initial password (shown once): {generated}");
            }
            return 0;
        });
        var users = new Command("users", "Practitioners' sign-in accounts");
        users.Subcommands.Add(add);
        return users;
    }
}
