using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Referrals;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>One referral service, for the administrator to change.</summary>
public sealed class GetReferralService(ChildStoryDbContext db)
{
    public async Task<Result<ReferralService>> LoadAsync(Guid serviceId, CancellationToken ct = default) =>
        await db.ReferralServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, ct) is { } service
            ? service
            : Error.NotFound("Referral service");
}
