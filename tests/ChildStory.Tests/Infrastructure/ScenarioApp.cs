namespace ChildStory.Tests.Infrastructure;

/// <summary>Tests over the HTTP pipeline with the scenario partnership loaded, on one provider.</summary>
public abstract class ScenarioTests<TFactory>(TFactory app) : IAsyncLifetime where TFactory : AppFactory
{
    protected TFactory App { get; } = app;
    protected Scenario World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Starting the server applies the migrations; the scenario is loaded once per factory.
        _ = App.Server;
        World = await ScenarioCache.GetAsync(App);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

internal static class ScenarioCache
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task<Scenario>> Loaded = new();

    public static Task<Scenario> GetAsync(AppFactory app) => Loaded.GetValue(app, a => Scenario.CreateAsync(a.Services));
}
