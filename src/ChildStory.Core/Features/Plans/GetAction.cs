using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using ChildStory.Features.Children;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Plans;

/// <summary>One agreed action and the name of the child it is for.</summary>
public sealed record ActionDetail(AgreedAction Action, string ChildName)
{
    /// <summary>Where the action was agreed: its plan, or else its meeting.</summary>
    public string AgreedIn => Action.PlanId is { } plan ? $"/plans/{plan}" : $"/meetings/{Action.MeetingId}";
}

/// <summary>Reads one agreed action for someone who may see its child (an unknown action and a refused reader are both "not found", the refusal audited).</summary>
public sealed class GetAction(ChildStoryDbContext db, ChildHeading heading)
{
    public async Task<Result<ActionDetail>> LoadAsync(Actor actor, Guid actionId, CancellationToken ct = default)
    {
        var childId = await db.AgreedActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null)
        {
            return Error.NotFound("Action");
        }
        var child = await heading.LoadAsync(actor, childId.Value, ct);
        if (!child.Succeeded)
        {
            return child.Error!;
        }
        return new ActionDetail(await db.AgreedActions.AsNoTracking().SingleAsync(a => a.Id == actionId, ct), child.Value.ChildName);
    }
}
