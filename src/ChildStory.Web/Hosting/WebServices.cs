using System.Text.Json.Serialization;
using ChildStory.Web.Api;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;

namespace ChildStory.Web.Hosting;

public static class WebServices
{
    public static IServiceCollection AddChildStoryWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            foreach (var page in new[] { "/Account/SignIn", "/Account/TwoFactor", "/Account/Recovery", "/Account/AccessDenied", "/Error" })
            {
                o.Conventions.AllowAnonymousToPage(page);
            }
            o.Conventions.AuthorizeFolder("/Admin", SecurityServices.AdministratorPolicy);
            o.Conventions.AuthorizeFolder("/Access", SecurityServices.ManagerPolicy);
        });
        services.AddProblemDetails();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return services;
    }

    public static WebApplication UseChildStoryPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        // API callers get problem details for empty error responses; people get a GOV.UK error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<Security.Gate.AccessGateMiddleware>();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
