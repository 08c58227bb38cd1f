using ChildStory.Data;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Every agency, active or not, with how many teams it has, for the administrator's list.</summary>
public sealed class ListAgencies(ChildStoryDbContext db)
{
    public sealed record Row(Guid Id, string Name, string Code, AgencyKind Kind, int Teams, bool IsActive);

    public async Task<IReadOnlyList<Row>> RunAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new Row(a.Id, a.Name, a.Code, a.Kind, a.Teams.Count, a.IsActive)).ToListAsync(ct);
}
