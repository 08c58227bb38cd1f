namespace ChildStory.Web.Security;

/// <summary>
/// A user whose role requires a second factor and who has not set one up may reach only the set-up pages and sign
/// out, until they have; everything else sends them to set up their authenticator.
/// </summary>
public sealed class TwoFactorEnrolmentMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/manage/authenticator", "/account/manage/recovery-codes", "/account/sign-out", "/error", "/govuk", "/assets", "/css", "/js"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(ChildStoryClaims.TwoFactorSetupRequired, "true")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect("/account/manage/authenticator");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
