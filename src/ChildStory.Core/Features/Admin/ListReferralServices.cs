using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Every referral service with its team and targets, for the administrator's list.</summary>
public sealed class ListReferralServices(ChildStoryDbContext db)
{
    public sealed record Row(Guid Id, string Name, string Team, int ReceiveDays, int DecideDays, int AllocateDays, int FirstContactDays, int FastTrackHours, bool IsActive);

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken ct = default) =>
        await db.ReferralServices.AsNoTracking().OrderBy(s => s.Name)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new Row(s.Id, s.Name, t.Name, s.ReceiveDays, s.DecideDays, s.AllocateDays, s.FirstContactDays, s.FastTrackHours, s.IsActive))
            .ToListAsync(ct);
}
