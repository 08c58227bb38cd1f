using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ChildStory.Web.Api;

/// <summary>
/// Under /api every error is RFC 9457 problem details (<c>application/problem+json</c>), whatever the caller's Accept
/// header: a request the framework refused (malformed JSON, wrong content type: 400 naming where, 415), a bug (500
/// with a trace id to quote, nothing of the exception), and any error status that left without a body (401 from the
/// key check, 404 for an unknown path, 405, 429…). Never HTML, never a redirect to the sign-in page (issue 15, finding 9).
/// </summary>
public sealed class ApiErrors(RequestDelegate next, ILogger<ApiErrors> logger)
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            logger.LogInformation("Refused {Method} {Path}: {Problem}", context.Request.Method, context.Request.Path, e.Message);
            await WriteAsync(context, e.StatusCode, Describe(e));
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            logger.LogError(e, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, null);
            return;
        }
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }
        if (response.StatusCode is >= 300 and < 400 && response.Headers.Location.Count > 0)
        {
            // Only a browser session is ever redirected (to sign in or set up a second factor); the API takes keys.
            response.Headers.Location = default;
            await WriteAsync(context, StatusCodes.Status401Unauthorized, null);
        }
        else if (response.StatusCode >= 400 && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await WriteAsync(context, response.StatusCode, null);
        }
    }

    private static string Describe(BadHttpRequestException e) => (e.StatusCode, e.InnerException) switch
    {
        (_, JsonException json) => "The body is not valid JSON for this request"
            + (json.LineNumber is { } line ? $": line {line + 1}, byte {json.BytePositionInLine + 1}" : "")
            + (json.Path is { Length: > 1 } path ? $", at {path}" : "")
            + (json.Message.Contains("could not be converted", StringComparison.Ordinal) ? " (a value of the wrong type)" : $" ({Reason(json.Message)})"),
        (StatusCodes.Status415UnsupportedMediaType, _) => "Send the body as JSON, with Content-Type: application/json",
        _ when e.Message.Contains("from body", StringComparison.Ordinal) => "This request needs a JSON body",
        _ => e.Message,
    };

    /// <summary>The reader's own words ("'n' is an invalid start of a value"), without the position it repeats.</summary>
    private static string Reason(string message)
    {
        var at = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    private static string Title(int status, HttpRequest request) => status switch
    {
        400 => "The request is not valid",
        401 => "Authenticate with your agency system's API key: Authorization: Bearer cs_<id>.<secret>",
        403 => "Your API key may not do this",
        404 => "There is nothing at this address",
        405 => $"This address does not take {request.Method} requests",
        415 => "Send the body as application/json",
        429 => "Too many requests: wait and try again",
        500 => "Sorry, something went wrong on our side: quote the trace id if you report it",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "The request failed",
    };

    public static Task WriteAsync(HttpContext context, int status, string? detail)
    {
        var response = context.Response;
        var allow = response.Headers.Allow;
        response.Clear();
        response.Headers.Allow = allow;
        response.StatusCode = status;
        var traceId = Activity.Current?.Id ?? context.TraceIdentifier;
        return Results.Problem(detail: detail, statusCode: status, title: Title(status, context.Request),
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId }).ExecuteAsync(context);
    }
}
