using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;

namespace ChildStory.Web.Security;

/// <summary>Writes sign-in events, for which the request has no signed-in actor yet, naming the account tried.</summary>
public sealed class SignInAudit(ChildStoryDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public async Task WriteAsync(string action, AppUser? user, string attemptedName, string? detail = null)
    {
        var actor = new Actor(ActorKind.User, user?.Id ?? Guid.Empty, user?.Email ?? attemptedName, user?.PractitionerId, null, null,
            new HashSet<string>(), http.HttpContext?.Connection.RemoteIpAddress?.ToString());
        db.AuditEntries.Add(new AuditEntry(time.GetUtcNow(), actor, action, detail: detail));
        await db.SaveChangesAsync();
    }
}
