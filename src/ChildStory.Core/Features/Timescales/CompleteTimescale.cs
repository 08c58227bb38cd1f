using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Timescales;

/// <summary>
/// Records by hand that a clock was met (when, and why late if it was), gives the reason for one met late through an
/// agency's system, or stops one that is no longer needed, with the reason.
/// </summary>
public sealed class CompleteTimescale(ChildStoryDbContext db, CaseworkAccess access)
{
    public async Task<Result<bool>> CompleteAsync(Actor actor, Guid timescaleId, DateTimeOffset? completedAt, string? lateReason, CancellationToken ct = default)
    {
        var (clock, error) = await OpenAsync(actor, timescaleId, ct);
        if (clock is null)
        {
            return error!;
        }
        var now = db.Time.GetUtcNow();
        if (completedAt is null || completedAt > now || completedAt < clock.StartedAt)
        {
            return Error.Invalid("CompletedAt", "Enter when it was done: after the clock started and not in the future");
        }
        if ((lateReason?.Length ?? 0) > 2_000)
        {
            return Error.Invalid("LateReason", "The reason must be 2,000 characters or fewer");
        }
        var done = clock.Complete(completedAt.Value, actor.Name, lateReason);
        return done.Succeeded ? await SaveAsync(clock, "completed", ct) : done;
    }

    public async Task<Result<bool>> ExplainAsync(Actor actor, Guid timescaleId, string? lateReason, CancellationToken ct = default)
    {
        var (clock, error) = await OpenAsync(actor, timescaleId, ct);
        if (clock is null)
        {
            return error!;
        }
        if (string.IsNullOrWhiteSpace(lateReason) || lateReason.Trim().Length > 2_000)
        {
            return Error.Invalid("LateReason", "Say why it was late (2,000 characters or fewer)");
        }
        var done = clock.ExplainLateness(lateReason);
        return done.Succeeded ? await SaveAsync(clock, "explained", ct) : done;
    }

    public async Task<Result<bool>> StopAsync(Actor actor, Guid timescaleId, string? reason, CancellationToken ct = default)
    {
        var (clock, error) = await OpenAsync(actor, timescaleId, ct);
        if (clock is null)
        {
            return error!;
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2_000)
        {
            return Error.Invalid("StopReason", "Say why this clock is no longer needed (2,000 characters or fewer)");
        }
        var done = clock.Stop(reason.Trim());
        return done.Succeeded ? await SaveAsync(clock, "stopped", ct) : done;
    }

    private async Task<Result<bool>> SaveAsync(Timescale clock, string what, CancellationToken ct)
    {
        db.Audit(AuditActions.TimescaleRecorded, clock.ChildId, subject: $"Timescale:{clock.Id}", detail: $"{{\"{what}\":\"{clock.Kind}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else updated this timescale at the same time: look at it again");
        }
        return true;
    }

    private async Task<(Timescale?, Error?)> OpenAsync(Actor actor, Guid timescaleId, CancellationToken ct)
    {
        var clock = await db.Timescales.SingleOrDefaultAsync(t => t.Id == timescaleId, ct);
        if (clock is null)
        {
            return (null, Error.NotFound("Timescale"));
        }
        var opened = await access.OpenForWorkAsync(actor, clock.ChildId, ct);
        return opened.Succeeded ? (clock, null) : (null, opened.Error);
    }
}
