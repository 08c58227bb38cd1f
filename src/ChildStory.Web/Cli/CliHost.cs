using ChildStory.Web.Hosting;

namespace ChildStory.Web.Cli;

/// <summary>The services of the web host, built but not started, for verbs that work on the database.</summary>
internal static class CliHost
{
    public static WebApplication Create(params string[] args) => WebApp.Create(args);
}
