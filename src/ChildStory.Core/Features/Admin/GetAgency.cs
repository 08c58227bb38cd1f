using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>One agency with its teams, for the administrator to change.</summary>
public sealed class GetAgency(ChildStoryDbContext db)
{
    public async Task<Result<Agency>> LoadAsync(Guid agencyId, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Include(a => a.Teams).SingleOrDefaultAsync(a => a.Id == agencyId, ct) is { } agency
            ? agency
            : Error.NotFound("Agency");
}
