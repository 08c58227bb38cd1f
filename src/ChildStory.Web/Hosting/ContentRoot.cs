namespace ChildStory.Web.Hosting;

/// <summary>
/// Finds the folder holding wwwroot and Pages: the web project's own folder when run from the source tree
/// (e.g. <c>dotnet run</c> from the repository root), else the folder of the executable.
/// </summary>
internal static class ContentRoot
{
    public static string Find()
    {
        var baseDir = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChildStory.Web.csproj")))
            {
                return dir.FullName;
            }
        }
        return baseDir;
    }
}
