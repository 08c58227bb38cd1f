using System.Security.Claims;
using ChildStory.Common;
using ChildStory.Data;

namespace ChildStory.Web.Security;

/// <summary>
/// The actor of the current request: the signed-in practitioner, the calling agency system, or anonymous. Read
/// afresh each time, never cached: authentication can change the request's user after the first read (the API key
/// handler itself saves through the context before the request is authenticated).
/// </summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    public Actor Current => http.HttpContext is { } context ? FromRequest(context) : Actor.System();

    public static Actor FromRequest(HttpContext? context)
    {
        var user = context?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.Anonymous(context?.Connection.RemoteIpAddress?.ToString());
        }
        var kind = Enum.TryParse<ActorKind>(user.FindFirstValue(ChildStoryClaims.ActorKind), out var k) ? k : ActorKind.User;
        var name = user.FindFirstValue(ChildStoryClaims.DisplayName) ?? user.Identity.Name ?? "unknown";
        var email = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name;
        return new Actor(
            kind,
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
            kind == ActorKind.User && email is not null && email != name ? $"{name} <{email}>" : name,
            Guid.TryParse(user.FindFirstValue(ChildStoryClaims.PractitionerId), out var p) ? p : null,
            Guid.TryParse(user.FindFirstValue(ChildStoryClaims.AgencyId), out var a) ? a : null,
            Guid.TryParse(user.FindFirstValue(ChildStoryClaims.TeamId), out var t) ? t : null,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            context!.Connection.RemoteIpAddress?.ToString());
    }
}
