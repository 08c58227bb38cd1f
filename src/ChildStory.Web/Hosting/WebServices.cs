using System.Text.Json.Serialization;
using ChildStory.Web.Api;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

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
        }).AddMvcOptions(o => o.Filters.Add(new MissingHandlerFilter()));
        services.AddProblemDetails();
        // A body the API cannot read throws, so that ApiErrors can say where the JSON went wrong (instead of an empty 400).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) => TrustedProxies.Configure(o, configuration));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // The API takes keys, not cookies: under /api the cookie's redirects to sign in become plain 401 and 403.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var (toLogin, toDenied) = (o.Events.OnRedirectToLogin, o.Events.OnRedirectToAccessDenied);
            o.Events.OnRedirectToLogin = c => ApiErrors.IsApi(c.Request) ? Refuse(c.Response, StatusCodes.Status401Unauthorized) : toLogin(c);
            o.Events.OnRedirectToAccessDenied = c => ApiErrors.IsApi(c.Request) ? Refuse(c.Response, StatusCodes.Status403Forbidden) : toDenied(c);
        });
        return services;
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    public static WebApplication UseChildStoryPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            // On HTTPS requests only, including those a trusted proxy says were HTTPS (TrustedProxies).
            app.UseHsts();
        }
        // API callers get problem details for every error; people get a GOV.UK error page.
        app.UseWhen(c => ApiErrors.IsApi(c.Request), api => api.UseMiddleware<ApiErrors>());
        app.UseWhen(c => !ApiErrors.IsApi(c.Request), web => web.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.Use((context, next) =>
        {
            // Set as the response starts, so that an error page (whose handler clears the headers) has them too.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                if (!context.Items.ContainsKey(StaticFile))
                {
                    // Every dynamic answer may carry a child's data (pages, exports, attachments, API): no copy is
                    // kept by the browser or a shared cache (issue 15, finding 11).
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = f => f.Context.Items[StaticFile] = true });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseMiddleware<ApiRoutes>();
        app.UseAuthentication();
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<Security.Gate.AccessGateMiddleware>();
        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }

    private static readonly object StaticFile = new();
}
