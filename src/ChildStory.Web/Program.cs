using ChildStory.Web.Cli;
using ChildStory.Web.Hosting;

namespace ChildStory.Web;

public partial class Program
{
    /// <summary>
    /// <c>childstory VERB …</c> runs a command-line verb. With no verb — or only <c>--option</c> arguments, as the
    /// test host passes — it serves the web app, so <c>WebApplicationFactory&lt;Program&gt;</c> sees an ordinary web host.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] is not ("--help" or "--version")))
        {
            await WebApp.Create(args).RunAsync();
            return 0;
        }
        return await Commands.Build().Parse(args).InvokeAsync();
    }
}
