using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Access;

/// <summary>
/// The broken-glass grants a manager must review: those of the practitioners they manage, and — for
/// administrators — those of practitioners with no manager, so that no grant goes unreviewed.
/// </summary>
public sealed class GlassBreakReviews(ChildStoryDbContext db)
{
    public sealed record Item(
        Guid Id, string Practitioner, string Agency, Guid ChildId, string ChildName, string Reason,
        DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ReviewedAt, string? Outcome, string? ReviewNote);

    public async Task<IReadOnlyList<Item>> PendingAsync(Actor actor, CancellationToken ct = default) =>
        await Project(ForReviewer(actor).Where(g => g.ReviewedAt == null).OrderBy(g => g.GrantedAt)).ToListAsync(ct);

    public async Task<int> PendingCountAsync(Actor actor, CancellationToken ct = default) =>
        await ForReviewer(actor).CountAsync(g => g.ReviewedAt == null, ct);

    public async Task<IReadOnlyList<Item>> RecentlyReviewedAsync(Actor actor, int take, CancellationToken ct = default) =>
        await Project(ForReviewer(actor).Where(g => g.ReviewedAt != null).OrderByDescending(g => g.ReviewedAt).Take(take)).ToListAsync(ct);

    private IQueryable<GlassBreak> ForReviewer(Actor actor)
    {
        var me = actor.PractitionerId;
        var admin = actor.IsInRole(Roles.Administrator);
        return db.GlassBreaks.AsNoTracking().Where(g => (me != null && g.ReviewerId == me) || (admin && g.ReviewerId == null));
    }

    private IQueryable<Item> Project(IQueryable<GlassBreak> grants) =>
        from g in grants
        join p in db.Practitioners on g.PractitionerId equals p.Id
        join c in db.People on g.ChildId equals c.Id
        select new Item(g.Id, p.GivenName + " " + p.FamilyName, p.Agency!.Name, c.Id, c.GivenName + " " + c.FamilyName,
            g.Reason, g.GrantedAt, g.ExpiresAt, g.ReviewedAt, g.Outcome == null ? null : g.Outcome.ToString(), g.ReviewNote);
}
