using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ChildStory.Web.Security;

public static class SecurityServices
{
    public const string ApiPolicy = "Api";
    public const string AdministratorPolicy = "Administrator";
    public const string ManagerPolicy = "Manager";

    public static IServiceCollection AddChildStorySecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection("Security"));
        services.AddIdentity<AppUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Security:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ChildStoryDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddClaimsPrincipalFactory<ChildStoryClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "childstory";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Security:SessionMinutes", 30));
            o.SlidingExpiration = true;
            // Every request checks the stamp (cheaply) so that signing out ends copies of the cookie at once;
            // Identity's validator, which rebuilds the claims, follows it once a minute.
            var refresh = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => SessionStampCheck.ValidateAsync(context, refresh);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddChildStoryRateLimiting();

        services.AddAuthentication().AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().RequireClaim(ChildStoryClaims.ActorKind, nameof(ActorKind.ApiClient)))
            .AddPolicy(AdministratorPolicy, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(ManagerPolicy, p => p.RequireRole(Roles.Manager));

        services.AddHttpContextAccessor();
        services.AddScoped<IActorAccessor, HttpActorAccessor>();
        services.AddScoped<SignInAudit>();
        return services;
    }
}
