using ChildStory.Data;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>The active schools and alternative providers, by name, for the education forms to choose from.</summary>
public sealed record EducationProviderLists(IReadOnlyList<(Guid Id, string Name)> Schools, IReadOnlyList<(Guid Id, string Name)> Providers);

/// <summary>Lists the partnership's schools and alternative providers (agencies, not children: no need to know is involved).</summary>
public sealed class EducationProviders(ChildStoryDbContext db)
{
    public async Task<EducationProviderLists> ListAsync(CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && (a.Kind == AgencyKind.School || a.Kind == AgencyKind.AlternativeProvision))
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.Kind }).ToListAsync(ct);
        return new EducationProviderLists(
            agencies.Where(a => a.Kind == AgencyKind.School).Select(a => (a.Id, a.Name)).ToList(),
            agencies.Where(a => a.Kind == AgencyKind.AlternativeProvision).Select(a => (a.Id, a.Name)).ToList());
    }
}
