using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>The active agencies and teams the administration forms choose from (a practitioner's agency and team, a service's team).</summary>
public sealed class PartnershipLists(ChildStoryDbContext db)
{
    public sealed record AgencyItem(Guid Id, string Name, string Code);

    public sealed record TeamItem(Guid Id, string Name, string Agency);

    public async Task<IReadOnlyList<AgencyItem>> AgenciesAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new AgencyItem(a.Id, a.Name, a.Code)).ToListAsync(ct);

    public async Task<IReadOnlyList<TeamItem>> TeamsAsync(CancellationToken ct = default) =>
        await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new TeamItem(t.Id, t.Name, t.Agency!.Name)).ToListAsync(ct);
}
