namespace ChildStory.Web.Security;

/// <summary>Where to go after signing in: a clean path on this site, or home.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// Only a well-formed local path: not another site ("//host", "/\host", "https://…"), and no control characters,
    /// which browsers strip or the redirect refuses (issue 15, finding 9: a tab or CR/LF gave a 500).
    /// </summary>
    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Any(c => char.IsControl(c) || c == '\\')
        && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : "/";
}
