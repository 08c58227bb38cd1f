using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Identity;

/// <summary>
/// A front-door practitioner decides an uncertain match. Confirmed: every waiting event from that agency with that
/// description is linked to the candidate. Rejected: they are given a new person of their own. The decision, who
/// made it and why are kept with the review and audited on the child's record.
/// </summary>
public sealed class DecideMatch(ChildStoryDbContext db, IOptions<MatchingOptions> options)
{
    public sealed record Decision(bool SamePerson, string? Note);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid reviewId, Decision decision, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor) || actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only front door practitioners decide identity matches");
        }
        if (decision.Note is { Length: > 1000 })
        {
            return Error.Invalid("Note", "The note must be 1,000 characters or fewer");
        }
        if (!decision.SamePerson && string.IsNullOrWhiteSpace(decision.Note))
        {
            return Error.Invalid("Note", "Say why this is not the same child (for example: different school, twin sibling)");
        }
        var review = await db.MatchReviews.SingleOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null)
        {
            return Error.NotFound("Review");
        }
        if (review.Status != ReviewStatus.Open)
        {
            return Error.Conflict($"This match was already decided by {review.DecidedBy} on {review.DecidedAt:d MMM yyyy HH:mm}");
        }
        var waiting = await db.ChronologyEvents
            .Where(e => e.AgencyId == review.AgencyId && e.SubjectKey == review.SubjectKey && e.MatchState == MatchState.AwaitingReview).ToListAsync(ct);
        var references = new HashSet<(Guid, string)>(
            (await db.PersonReferences.AsNoTracking().Where(r => r.AgencyId == review.AgencyId).Select(r => r.Reference).ToListAsync(ct)).Select(r => (review.AgencyId, r)));
        var matcher = new MatchUnlinkedEvents(db, options);
        Guid personId;
        if (decision.SamePerson)
        {
            personId = review.CandidateId;
            matcher.Link(waiting, personId, LinkBasis.Reviewed, review.Score, references);
        }
        else
        {
            var person = PeopleFromIntake.Create(review.Subject, DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime));
            db.People.Add(person);
            personId = person.Id;
            matcher.Link(waiting, personId, LinkBasis.NewPerson, review.Score, references);
        }
        review.Decide(decision.SamePerson ? ReviewStatus.Confirmed : ReviewStatus.Rejected, personId, practitionerId, actor.Name, decision.Note?.Trim(), db.Time.GetUtcNow());
        db.Audit(AuditActions.MatchReviewed, review.CandidateId, subject: $"MatchReview:{review.Id}",
            detail: JsonSerializer.Serialize(new { samePerson = decision.SamePerson, events = waiting.Count, linkedTo = personId }), reason: decision.Note);
        await db.SaveChangesAsync(ct);
        return personId;
    }
}
