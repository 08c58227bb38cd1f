using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Access;

/// <summary>
/// Gives a practitioner time-limited access to one child outside their need to know, on a stated reason. The grant
/// is audited and put in front of the practitioner's manager for review (see README.md).
/// </summary>
public sealed class BreakGlass(ChildStoryDbContext db, IOptions<AccessOptions> options)
{
    public sealed record Command(Guid ChildId, string? Reason);

    public async Task<Result<GlassBreak>> RunAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (actor.Kind != ActorKind.User || actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only a practitioner can break the glass");
        }
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length < options.Value.MinimumReasonLength)
        {
            return Error.Invalid("Reason", reason.Length == 0
                ? "Enter the reason you need to see this child's record"
                : $"Reason must be at least {options.Value.MinimumReasonLength} characters: say why you need to see this record now");
        }
        if (reason.Length > 2000)
        {
            return Error.Invalid("Reason", "Reason must be 2,000 characters or fewer");
        }
        if (!await db.People.AnyAsync(p => p.Id == command.ChildId && p.IsChild, ct))
        {
            return Error.NotFound("Child");
        }
        var managerId = await db.Practitioners.Where(p => p.Id == practitionerId).Select(p => p.ManagerId).SingleAsync(ct);
        var grant = new GlassBreak(Guid.NewGuid(), practitionerId, command.ChildId, reason, db.Time.GetUtcNow(),
            TimeSpan.FromHours(options.Value.GlassBreakHours), managerId);
        db.GlassBreaks.Add(grant);
        db.Audit(AuditActions.GlassBroken, command.ChildId, subject: $"GlassBreak:{grant.Id}", reason: reason);
        await db.SaveChangesAsync(ct);
        return grant;
    }
}
