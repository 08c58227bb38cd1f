using ChildStory.Web.Api;
using ChildStory.Web.Security;

namespace ChildStory.Web.Hosting;

/// <summary>Builds the web host: pages, API, security and the database, from configuration.</summary>
public static class WebApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.Find(),
        });
        builder.Services.AddChildStoryCore(builder.Configuration);
        builder.Services.AddChildStorySecurity(builder.Configuration);
        builder.Services.AddChildStoryWeb();
        builder.Services.AddHostedService<MigrateOnStartup>();
        builder.Services.AddHostedService<IdentityMatchingService>();
        builder.Services.AddHostedService<ShareChasingService>();
        builder.Services.AddHostedService<EmailDispatchService>();
        builder.Services.AddHostedService<AuditCheckpointService>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseChildStoryPipeline();
        app.MapRazorPages();
        app.MapChildStoryApi();
        app.MapEventsApi();
        app.MapEducationApi();
        app.MapCaseworkApi();
        return app;
    }
}
