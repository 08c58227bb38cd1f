using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>How much the partnership holds, for the administration home page: active agencies, teams, practitioners and API clients.</summary>
public sealed class AdminSummary(ChildStoryDbContext db)
{
    public sealed record Counts(int Agencies, int Teams, int Practitioners, int ApiClients);

    public async Task<Counts> CountAsync(CancellationToken ct = default) => new(
        await db.Agencies.CountAsync(a => a.IsActive, ct),
        await db.Teams.CountAsync(t => t.IsActive, ct),
        await db.Practitioners.CountAsync(p => p.IsActive, ct),
        await db.ApiClients.CountAsync(c => c.RevokedAt == null, ct));
}
