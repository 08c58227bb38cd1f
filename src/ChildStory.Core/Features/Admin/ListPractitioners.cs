using ChildStory.Data;
using ChildStory.Features.Children.Matching;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Practitioners for the administrator's list: filtered by agency and by name or email, a page at a time.</summary>
public sealed class ListPractitioners(ChildStoryDbContext db)
{
    public const int PageSize = 50;

    public sealed record Query(Guid? AgencyId, string? Text, int Page);

    public sealed record Row(Guid Id, string Name, string Email, string JobTitle, string Agency, string? Team, bool IsActive);

    public sealed record Page(IReadOnlyList<Row> Rows, int Total, int Number, int Pages);

    public async Task<Page> RunAsync(Query query, CancellationToken ct = default)
    {
        var practitioners = db.Practitioners.AsNoTracking();
        if (query.AgencyId is { } agency)
        {
            practitioners = practitioners.Where(p => p.AgencyId == agency);
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
            var normalised = NameNormaliser.Normalise(text);
            practitioners = practitioners.Where(p => p.Email.Contains(text) || (p.GivenName + " " + p.FamilyName).ToLower().Contains(text)
                || p.FamilyName.ToLower().StartsWith(normalised));
        }
        var total = await practitioners.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(query.Page, 1, pages);
        var rows = await practitioners.OrderBy(p => p.FamilyName).ThenBy(p => p.GivenName)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(p => new Row(p.Id, p.GivenName + " " + p.FamilyName, p.Email, p.JobTitle, p.Agency!.Name, p.Team == null ? null : p.Team.Name, p.IsActive))
            .ToListAsync(ct);
        return new Page(rows, total, number, pages);
    }
}
