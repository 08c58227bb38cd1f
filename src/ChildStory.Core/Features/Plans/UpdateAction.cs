using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Plans;

/// <summary>
/// Progress on an agreed action, from a meeting or a plan: a note, done, or dropped with the reason. The owner's
/// agency or anyone in the team around the child may record it; on a plan it becomes part of the plan's history.
/// </summary>
public sealed class UpdateAction(ChildStoryDbContext db, CaseworkAccess access, ChangePlan plans)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid actionId, ActionStatus? status, string? progress, CancellationToken ct = default)
    {
        var action = await db.AgreedActions.SingleOrDefaultAsync(a => a.Id == actionId, ct);
        if (action is null)
        {
            return Error.NotFound("Action");
        }
        var opened = await access.OpenForWorkAsync(actor, action.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (status is null)
        {
            return Error.Invalid("Status", "Choose whether the action is still open, done or no longer needed");
        }
        if ((progress?.Trim().Length ?? 0) > 2_000)
        {
            return Error.Invalid("Progress", "The progress note must be 2,000 characters or fewer");
        }
        if (status == ActionStatus.Open && string.IsNullOrWhiteSpace(progress))
        {
            return Error.Invalid("Progress", "Write the progress made");
        }
        var updated = action.Update(status.Value, progress, CaseworkAccess.Today(db));
        if (!updated.Succeeded)
        {
            return updated;
        }
        var change = $"Action \"{action.Description}\": {(status == ActionStatus.Open ? "progress" : status.ToString()!.ToLowerInvariant())}{(string.IsNullOrWhiteSpace(progress) ? "" : $" — {progress.Trim()}")}";
        if (action.PlanId is { } planId)
        {
            var plan = await db.Plans.Include(p => p.Outcomes).SingleAsync(p => p.Id == planId, ct);
            return await plans.SaveAsync(actor, plan, change, ct);
        }
        db.Audit(AuditActions.ActionUpdated, action.ChildId, subject: $"AgreedAction:{action.Id}", detail: $"{{\"status\":\"{status}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else updated this action at the same time: look at it again");
        }
        return true;
    }
}
