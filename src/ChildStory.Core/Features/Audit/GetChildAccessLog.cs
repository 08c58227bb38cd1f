using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Audit;

/// <summary>
/// For one child: who looked at the record, who was refused, who broke the glass and who changed it, and when.
/// Managers only, and only for a child they may themselves see; reading the log is itself audited.
/// </summary>
public sealed class GetChildAccessLog(ChildStoryDbContext db, ChildAccess access)
{
    public const int PageSize = 100;

    private static readonly string[] Actions =
    [
        AuditActions.ChildViewed, AuditActions.ChildAccessDenied, AuditActions.GlassBroken, AuditActions.GlassBreakReviewed,
        AuditActions.ChildChanged, AuditActions.AccessLogViewed,
    ];

    public sealed record Entry(long Sequence, DateTimeOffset At, string Who, string ActorKind, string Action, string? Detail, string? Reason, string? IpAddress);

    public sealed record Log(Guid ChildId, string ChildName, IReadOnlyList<Entry> Entries, int Page, bool HasMore);

    public async Task<Result<Log>> RunAsync(Actor actor, Guid childId, int page = 1, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.Manager) || !await access.CanSeeAsync(actor, childId, ct))
        {
            return Error.NotFound("Child");
        }
        page = Math.Max(1, page);
        var name = await db.People.Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ChildId == childId && Actions.Contains(e.Action))
            .OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(e => new Entry(e.Sequence, e.At, e.ActorName, e.ActorKind.ToString(), e.Action, e.Detail, e.Reason, e.IpAddress))
            .ToListAsync(ct);
        db.Audit(AuditActions.AccessLogViewed, childId);
        await db.SaveChangesAsync(ct);
        return new Log(childId, name, rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
