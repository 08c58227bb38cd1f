using System.CommandLine;
using ChildStory.Web.Hosting;

namespace ChildStory.Web.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5080" };
        var command = new Command("serve", "Serve the web app and API (configuration from appsettings.json and the environment)") { urls };
        command.SetAction(async (parse, ct) =>
        {
            var args = parse.GetValue(urls) is { } u ? new[] { "--urls", u } : [];
            await WebApp.Create(args).RunAsync(ct);
            return 0;
        });
        return command;
    }
}
