using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Identity;

/// <summary>What the front door reads to do identity work: the review queue, one review side by side, a child's possible duplicates and merges.</summary>
public sealed class IdentityQueries(ChildStoryDbContext db, IOptions<MatchingOptions> options)
{
    public sealed record ReviewRow(Guid Id, string Agency, string Described, string Candidate, Guid CandidateId, double Score, int Waiting, DateTimeOffset CreatedAt);

    public sealed record ReviewDetail(
        MatchReview Review, string Agency, string CandidateName, IReadOnlyList<EvidenceLine> Evidence, IReadOnlyList<(DateTimeOffset At, EventType Type)> Waiting);

    public sealed record Duplicate(Guid PersonId, string Name, DateOnly? DateOfBirth, double Score);

    public sealed record MergeRow(PersonMerge Merge, string SurvivorName, string DuplicateName);

    public async Task<Result<IReadOnlyList<ReviewRow>>> OpenReviewsAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor)) { return Error.Forbidden("Only front door practitioners decide identity matches"); }
        var rows = await db.MatchReviews.AsNoTracking().Where(r => r.Status == ReviewStatus.Open).OrderBy(r => r.CreatedAt).Take(500)
            .Join(db.Agencies, r => r.AgencyId, a => a.Id, (r, a) => new { r, Agency = a.Name })
            .Join(db.People, x => x.r.CandidateId, p => p.Id, (x, p) => new { x.r, x.Agency, Candidate = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);
        var keys = rows.Select(x => x.r.SubjectKey).ToList();
        var waiting = await db.ChronologyEvents.AsNoTracking().Where(e => e.MatchState == MatchState.AwaitingReview && keys.Contains(e.SubjectKey))
            .GroupBy(e => new { e.AgencyId, e.SubjectKey }).Select(g => new { g.Key.AgencyId, g.Key.SubjectKey, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(x => new ReviewRow(x.r.Id, x.Agency, Describe(x.r.Subject), x.Candidate, x.r.CandidateId, x.r.Score,
            waiting.Where(w => w.AgencyId == x.r.AgencyId && w.SubjectKey == x.r.SubjectKey).Sum(w => w.Count), x.r.CreatedAt)).ToList();
    }

    public async Task<Result<ReviewDetail>> ReviewAsync(Actor actor, Guid reviewId, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor)) { return Error.Forbidden("Only front door practitioners decide identity matches"); }
        var review = await db.MatchReviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) { return Error.NotFound("Review"); }
        var agency = await db.Agencies.Where(a => a.Id == review.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var candidate = await db.People.Where(p => p.Id == review.CandidateId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync(ct);
        var waiting = (await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.AgencyId == review.AgencyId && e.SubjectKey == review.SubjectKey && (e.MatchState == MatchState.AwaitingReview || e.ChildId == review.LinkedPersonId))
            .OrderBy(e => e.OccurredAt).Select(e => new { e.OccurredAt, e.Type }).Take(200).ToListAsync(ct)).Select(e => (e.OccurredAt, e.Type)).ToList();
        db.Audit(Domain.Audit.AuditActions.ChildViewed, review.CandidateId, subject: $"MatchReview:{review.Id}", detail: "{\"basis\":\"IdentityReview\"}");
        await db.SaveChangesAsync(ct);
        return new ReviewDetail(review, agency, candidate, MatchEvidence.FromJson(review.Evidence), waiting);
    }

    /// <summary>Children the matcher thinks may be the same as this one, strongest first (front door only).</summary>
    public async Task<Result<IReadOnlyList<Duplicate>>> PossibleDuplicatesAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor)) { return Error.Forbidden("Only front door practitioners merge records"); }
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId && p.IsChild).Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.Gender, p.NhsNumber, p.Upn }).SingleOrDefaultAsync(ct);
        if (child is null) { return Error.NotFound("Child"); }
        var postcode = await db.PersonAddresses.AsNoTracking().Where(a => a.PersonId == childId && a.To == null).Select(a => a.Address!.Postcode).FirstOrDefaultAsync(ct);
        var subject = new EventSubject(child.GivenName, child.FamilyName, child.DateOfBirth, CandidateFinder.Sex(child.Gender), postcode, child.NhsNumber, child.Upn, null);
        var candidates = (await CandidateFinder.FindAsync(db, subject, childId, ct)).Where(c => c.Score >= options.Value.ReviewScore).Take(10).ToList();
        var ids = candidates.Select(c => c.PersonId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { Name = p.GivenName + " " + p.FamilyName, p.DateOfBirth }, ct);
        return candidates.Select(c => new Duplicate(c.PersonId, people[c.PersonId].Name, people[c.PersonId].DateOfBirth, Math.Round(c.Score, 1))).ToList();
    }

    public async Task<IReadOnlyList<MergeRow>> MergesAsync(Guid childId, CancellationToken ct = default)
    {
        var merges = await db.PersonMerges.AsNoTracking().Where(m => m.SurvivorId == childId || m.MergedId == childId).OrderByDescending(m => m.MergedAt).ToListAsync(ct);
        var ids = merges.SelectMany(m => new[] { m.SurvivorId, m.MergedId }).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.GivenName + " " + p.FamilyName, ct);
        return merges.Select(m => new MergeRow(m, names[m.SurvivorId], names[m.MergedId])).ToList();
    }

    public static string Describe(EventSubject s) => string.Join(", ", new[]
    {
        $"{s.GivenName} {s.FamilyName}".Trim(), s.DateOfBirth?.ToString("d MMM yyyy"), s.Sex, s.Postcode, s.Reference is null ? null : $"ref {s.Reference}",
    }.Where(x => !string.IsNullOrWhiteSpace(x)));
}
