using System.Security.Claims;
using ChildStory.Common;
using ChildStory.Data;

namespace ChildStory.Web.Security;

/// <summary>The actor of the current request: the signed-in practitioner or the calling agency system; ChildStory itself outside a request.</summary>
public sealed class HttpActorAccessor(IHttpContextAccessor http) : IActorAccessor
{
    private Actor? _actor;

    public Actor Current => _actor ??= FromRequest(http.HttpContext);

    public static Actor FromRequest(HttpContext? context)
    {
        var user = context?.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.System("anonymous") with { IpAddress = context?.Connection.RemoteIpAddress?.ToString() };
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
