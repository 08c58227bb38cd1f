using ChildStory.Common;
using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Rules;

/// <summary>
/// Reads one alert for someone who may see its child: the child is opened first (a refusal audited), and an unknown
/// alert and a refused reader are both "not found". Reading it is audited as the child's alerts are.
/// </summary>
public sealed class GetAlert(ChildStoryDbContext db, AlertQueries queries)
{
    public async Task<Result<AlertView>> LoadAsync(Actor actor, Guid alertId, CancellationToken ct = default)
    {
        var childId = await db.Alerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => (Guid?)a.ChildId).SingleOrDefaultAsync(ct);
        if (childId is null)
        {
            return Error.NotFound("Alert");
        }
        var alerts = await queries.ForChildAsync(actor, childId.Value, ct);
        if (!alerts.Succeeded)
        {
            return alerts.Error!;
        }
        return alerts.Value.SingleOrDefault(a => a.Id == alertId) is { } alert ? alert : Error.NotFound("Alert");
    }
}
