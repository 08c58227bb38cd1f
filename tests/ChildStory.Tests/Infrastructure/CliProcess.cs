using System.Diagnostics;
using ChildStory.Data;

namespace ChildStory.Tests.Infrastructure;

/// <summary>Runs the real <c>childstory</c> executable against a test database, configured through the environment.</summary>
public static class CliProcess
{
    public static Task<(int Code, string Output)> RunAsync(DatabaseSettings database, params string[] args) =>
        RunAsync(database, new Dictionary<string, string>(), args);

    /// <param name="environment">More settings, such as <c>Email__Host</c>.</param>
    public static async Task<(int Code, string Output)> RunAsync(DatabaseSettings database, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "childstory.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__ChildStory"] = database.ConnectionString;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
