using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChildStory.BrowserTests;

/// <summary>
/// The real app on Kestrel (on a free loopback port, over a throwaway SQLite database holding <see cref="Scenario"/>)
/// and Debian's Chromium driven by Playwright. Never downloads a browser: a missing /usr/bin/chromium fails loudly.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "childstory-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<ChildStory.Web.Program>? _factory;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public Scenario Scenario { get; private set; } = null!;
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./scripts/test.sh, which installs Debian's chromium package.");
        }
        Directory.CreateDirectory(_folder);
        _factory = new WebApplicationFactory<ChildStory.Web.Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:ChildStory", $"Data Source={Path.Combine(_folder, "browser.db")}");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:MigrateOnStartup", "true");
            // The tests sign in many times a minute from one address.
            b.UseSetting("Security:SignInPermitPerMinute", "100000");
            b.UseSetting("Security:SignInAccountPermitPerMinute", "100000");
            b.UseUrls("http://127.0.0.1:0");
        });
        _factory.UseKestrel();
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Scenario = await Scenario.CreateAsync(_factory.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
