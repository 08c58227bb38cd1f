using ChildStory.Web.Hosting;

namespace ChildStory.Web.Cli;

/// <summary>The services of the web host, built but not started (its settings checked), for verbs that work on the database.</summary>
internal static class CliHost
{
    public static WebApplication Create(params string[] args)
    {
        var app = WebApp.Create(args);
        // A verb builds the host without starting it, so it checks the settings that serving checks on start-up
        // (ValidateOnStart): a bad setting stops every verb naming its key, not only the verbs that happen to read it.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        return app;
    }
}
