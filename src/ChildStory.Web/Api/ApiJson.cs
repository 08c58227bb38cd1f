using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ChildStory.Web.Api;

/// <summary>
/// Reads a request's JSON body as a whole, for endpoints that then read it item by item (a batch whose bad items must
/// not stop its good ones). Bound by hand rather than as a JsonElement parameter so that the API description keeps
/// the body's real shape (<c>.Accepts&lt;T&gt;</c>); refusals are thrown as the framework's own, for <see cref="ApiErrors"/>.
/// </summary>
internal static class ApiJson
{
    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var utf8 = !MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0
            || type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || type.Charset.Equals("\"utf-8\"", StringComparison.OrdinalIgnoreCase);
        if (!request.HasJsonContentType() || !utf8)
        {
            throw new BadHttpRequestException("Send the body as JSON in UTF-8, with Content-Type: application/json", StatusCodes.Status415UnsupportedMediaType);
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, ct);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException("The body is not valid JSON", StatusCodes.Status400BadRequest, e);
        }
    }
}
