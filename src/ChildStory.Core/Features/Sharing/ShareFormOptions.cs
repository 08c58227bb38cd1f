using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>An entry of the child's story the sender may attach to a share, in words.</summary>
public sealed record ShareableEntry(Guid Id, string Text);

/// <summary>What the share form offers: the agencies working with the child first, every other agency, every team, and recent story entries.</summary>
public sealed record ShareFormView(
    Guid ChildId, string ChildName, IReadOnlyList<(Guid Id, string Name)> InvolvedAgencies, IReadOnlyList<(Guid Id, string Name)> OtherAgencies,
    IReadOnlyList<(Guid Id, string Name, string Agency)> Teams, IReadOnlyList<ShareableEntry> RecentEntries);

/// <summary>
/// Loads the share form for one child — for showing it and for showing it again after a validation error — only
/// once need to know is decided, so that a refused reader learns nothing: not the name, the agencies or the story.
/// Sensitive entries another agency holds are not offered (<see cref="SensitiveRecords"/>).
/// </summary>
public sealed class ShareFormOptions(ChildStoryDbContext db, ChildAccess access)
{
    public const int RecentEntries = 15;

    public async Task<Result<ShareFormView>> LoadAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var name = await db.People.AsNoTracking().Where(p => p.Id == childId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var involved = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.EndedOn == null).Select(i => i.AgencyId).Distinct().ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Agency = t.Agency!.Name }).ToListAsync(ct);
        var entries = await db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId)
            .Where(SensitiveRecords.Readable<ChronologyEvent>(e => e.Sensitivity, e => e.AgencyId, actor))
            .OrderByDescending(e => e.OccurredAt).Take(RecentEntries).Select(e => new { e.Id, e.OccurredAt, e.Type, e.Summary }).ToListAsync(ct);
        return new ShareFormView(childId, name,
            agencies.Where(a => involved.Contains(a.Id)).Select(a => (a.Id, a.Name)).ToList(),
            agencies.Where(a => !involved.Contains(a.Id)).Select(a => (a.Id, a.Name)).ToList(),
            teams.Select(t => (t.Id, t.Name, t.Agency)).ToList(),
            entries.Select(e => new ShareableEntry(e.Id, $"{e.OccurredAt:d MMM yyyy}: {EventTypes.Describe(e.Type)} — {e.Summary}")).ToList());
    }
}
