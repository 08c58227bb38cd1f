using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Net.Http.Headers;

namespace ChildStory.Web.Api;

/// <summary>
/// Runs after routing, before authentication: an /api address that matches no endpoint is a 404, the framework's
/// own refusal (405, a wrong method on a real address) answers as it is, and a body in a charset no one knows is a 415. Left to the pipeline, both would meet the
/// fallback policy — a signed-in browser user — and be redirected to the sign-in page (issue 15, finding 9).
/// <see cref="ApiErrors"/> writes the problem details.
/// </summary>
public sealed class ApiRoutes(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!ApiErrors.IsApi(context.Request))
        {
            return next(context);
        }
        if (!KnownCharset(context.Request))
        {
            // Left to the endpoint, reading the body as JSON throws (a 500).
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return Task.CompletedTask;
        }
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        // Endpoints mapped by the app are route endpoints that carry an authorization policy; the framework's
        // rejections (405) are plain endpoints with none and reveal nothing, so they need no sign-in.
        var frameworkRefusal = endpoint is not RouteEndpoint
            && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
            && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
        return frameworkRefusal && endpoint.RequestDelegate is { } refuse ? refuse(context) : next(context);
    }

    private static bool KnownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0)
        {
            return true;
        }
        try
        {
            _ = Encoding.GetEncoding(type.Charset.ToString().Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
