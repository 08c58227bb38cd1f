using System.CommandLine;

namespace ChildStory.Web.Cli;

/// <summary>The verbs of the one <c>childstory</c> executable.</summary>
public static class Commands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ChildStory — one multi-agency story for every child. Run with no verb to serve the web app.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(LinkCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(ChaseCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(EmailCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        return root;
    }
}
