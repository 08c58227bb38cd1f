using System.Globalization;
using System.Threading.RateLimiting;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Security;

/// <summary>
/// ASP.NET Core rate limiting (issue 15, finding 8): each client's posts to the sign-in pages (the
/// <see cref="Policy"/> policy, on their page models), and each API client's calls to <c>/api</c>. Clients are
/// told apart by address, which the forwarded-headers middleware has already taken from a trusted proxy. A refused
/// page request answers 429 with an empty body, which the status-code pages turn into the GOV.UK error page; a
/// refused API call answers problem details. Both say when to try again.
/// </summary>
public static class SignInRateLimiting
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddChildStoryRateLimiting(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy<string, SignInRateLimitPolicy>(Policy);
            o.GlobalLimiter = ApiLimiter(security.Value);
            o.OnRejected = OnApiRejectedAsync;
        });
        return services;
    }

    public static void SetRetryAfter(OnRejectedContext rejected)
    {
        var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static PartitionedRateLimiter<HttpContext> ApiLimiter(SecurityOptions security) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Request.Path.StartsWithSegments("/api")
                ? RateLimitPartition.GetFixedWindowLimiter(ApiPartition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = security.ApiPermitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    /// <summary>
    /// The API client named by the key's id, read before the key is checked (the limiter runs before
    /// authentication): a made-up secret only spends that client's allowance, and so guessing a client's secret
    /// is limited too. Calls without a well-formed key share their address's allowance.
    /// </summary>
    private static string ApiPartition(HttpContext context) =>
        ApiClient.TryParseKey(ApiKeyHandler.PresentedKey(context.Request), out var keyId, out _)
            ? "key:" + keyId
            : "address:" + SignInThrottle.ClientOf(context);

    private static async ValueTask OnApiRejectedAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        SetRetryAfter(rejected);
        var context = rejected.HttpContext;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                    Title = "Too many requests",
                    Detail = "This API client has made too many requests in the last minute. Try again after the time in Retry-After.",
                },
            });
        }
    }
}

/// <summary>Each client's posts to a sign-in page, counted together across those pages; reading a form is free.</summary>
public sealed class SignInRateLimitPolicy(IOptions<SecurityOptions> options) : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetSlidingWindowLimiter("client:" + SignInThrottle.ClientOf(context), _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.Value.SignInPermitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("reading");

    public Func<OnRejectedContext, CancellationToken, ValueTask> OnRejected => async (rejected, _) =>
    {
        SignInRateLimiting.SetRetryAfter(rejected);
        var services = rejected.HttpContext.RequestServices;
        var client = SignInThrottle.ClientOf(rejected.HttpContext);
        if (services.GetRequiredService<SignInThrottle>().FirstRefusalThisMinute("client:" + client))
        {
            await services.GetRequiredService<SignInAudit>().WriteAsync(AuditActions.SignInFailed, null, $"client {client}",
                "{\"reason\":\"throttled\",\"limit\":\"client\"}");
        }
    };
}
