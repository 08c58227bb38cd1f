using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChildStory.Web.Hosting;

/// <summary>
/// Which proxies may tell the app the client's address and that the request came over HTTPS (X-Forwarded-For and
/// -Proto): <c>Hosting:TrustedProxies</c>, a list (or a comma-separated string) of addresses and networks in CIDR
/// form, e.g. <c>["10.0.0.5", "10.1.0.0/16"]</c>. Default: loopback only. Anyone else's forwarded headers are
/// ignored, so a client cannot claim HTTPS or another address; behind a TLS proxy that is trusted, HTTPS requests
/// get HSTS (issue 15, finding 11).
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "Hosting:TrustedProxies";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var entries = Entries(configuration);
        if (entries.Count == 0)
        {
            return; // the framework's default: 127.0.0.0/8 and ::1
        }
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"{Section}: '{entry}' is neither an IP address nor a network like 10.1.0.0/16");
            }
        }
    }

    private static List<string> Entries(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
