using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Identity;
using ChildStory.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Identity;

/// <summary>
/// The second half of "one child, one story": events intake could not link by an exact identifier are matched on
/// names, date of birth, sex and address history (<see cref="CandidateFinder"/>). Every event from one agency with the
/// same description shares one decision. A strong match links; a possible one waits for a practitioner in the review
/// queue (<see cref="MatchReview"/>); no match makes a new person; too little to go on stays unidentified. Runs as a
/// background job and as <c>childstory match</c>; each batch commits whole.
/// </summary>
public sealed class MatchUnlinkedEvents(ChildStoryDbContext db, IOptions<MatchingOptions> options)
{
    public const int Batch = 2_000;

    public sealed record Outcome(int Events, int Linked, int AwaitingReview, int NewPeople, int Unidentified)
    {
        public static Outcome operator +(Outcome a, Outcome b) =>
            new(a.Events + b.Events, a.Linked + b.Linked, a.AwaitingReview + b.AwaitingReview, a.NewPeople + b.NewPeople, a.Unidentified + b.Unidentified);
    }

    public async Task<Outcome> RunAsync(IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var total = new Outcome(0, 0, 0, 0, 0);
        while (true)
        {
            var batch = await BatchAsync(ct);
            if (batch.Events == 0)
            {
                return total;
            }
            total += batch;
            progress?.Report(total.Events);
        }
    }

    private async Task<Outcome> BatchAsync(CancellationToken ct)
    {
        var events = await db.ChronologyEvents.Where(e => e.MatchState == MatchState.Pending).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
        if (events.Count == 0)
        {
            return new Outcome(0, 0, 0, 0, 0);
        }
        foreach (var e in events) { e.EnsureSubjectKey(); }
        var keys = events.Select(e => e.SubjectKey).Distinct().ToList();
        var open = (await db.MatchReviews.Where(r => r.Status == ReviewStatus.Open && keys.Contains(r.SubjectKey)).ToListAsync(ct))
            .ToDictionary(r => (r.AgencyId, r.SubjectKey));
        var references = await KnownReferencesAsync(events, ct);
        var madeThisBatch = new List<(Person Person, PersonRecord Record)>();
        var today = DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        var o = (linked: 0, review: 0, people: 0, unidentified: 0);

        foreach (var group in events.GroupBy(e => (e.AgencyId, e.SubjectKey)))
        {
            var subject = group.First().Subject;
            if (open.TryGetValue(group.Key, out var waiting))
            {
                foreach (var e in group) { e.AwaitReview(waiting.Score); }
                o.review += group.Count();
                continue;
            }
            var candidates = await CandidateFinder.FindAsync(db, subject, null, ct);
            var incoming = CandidateFinder.Record("incoming", subject.GivenName, subject.FamilyName, subject.DateOfBirth, subject.Sex, subject.Postcode, subject.NhsNumber, subject.Upn);
            // People made earlier in this batch are not in the database yet: a second agency describing the same new child finds them here.
            candidates.AddRange(madeThisBatch.Select(m => new Candidate(m.Person.Id, PairScore.Of(incoming, m.Record), m.Record)));
            var best = candidates.MaxBy(c => c.Score);
            if (best is not null && best.Score >= options.Value.AutoLinkScore)
            {
                Link(group, best.PersonId, LinkBasis.Probabilistic, best.Score, references);
                o.linked += group.Count();
            }
            else if (best is not null && best.Score >= options.Value.ReviewScore)
            {
                var dob = await db.People.Where(p => p.Id == best.PersonId).Select(p => p.DateOfBirth).SingleOrDefaultAsync(ct);
                var review = new MatchReview(group.Key.AgencyId, group.Key.SubjectKey, subject, best.PersonId, Math.Round(best.Score, 2),
                    MatchEvidence.ToJson(MatchEvidence.Compare(subject, best.Best, dob)), db.Time.GetUtcNow());
                db.MatchReviews.Add(review);
                open[group.Key] = review;
                foreach (var e in group) { e.AwaitReview(review.Score); }
                o.review += group.Count();
            }
            else if (PeopleFromIntake.CanIdentify(subject))
            {
                var person = PeopleFromIntake.Create(subject, today);
                db.People.Add(person);
                madeThisBatch.Add((person, incoming with { Id = person.Id.ToString() }));
                Link(group, person.Id, LinkBasis.NewPerson, best?.Score, references);
                o.people++;
                o.linked += group.Count();
            }
            else
            {
                foreach (var e in group) { e.MarkUnidentified(); }
                o.unidentified += group.Count();
            }
        }
        var outcome = new Outcome(events.Count, o.linked, o.review, o.people, o.unidentified);
        db.Audit(AuditActions.EventsMatched, detail: JsonSerializer.Serialize(outcome));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return outcome;
    }

    /// <summary>Links a group of events and remembers the sender's reference so its later events link exactly.</summary>
    internal void Link(IEnumerable<ChronologyEvent> events, Guid personId, LinkBasis basis, double? score, HashSet<(Guid, string)> references)
    {
        foreach (var e in events)
        {
            e.LinkTo(personId, basis, score is { } s ? Math.Round(s, 2) : null);
            if (e.Subject.Reference is { } reference && references.Add((e.AgencyId, reference)))
            {
                db.PersonReferences.Add(new PersonReference(e.AgencyId, reference, personId));
            }
        }
    }

    private async Task<HashSet<(Guid, string)>> KnownReferencesAsync(IReadOnlyList<ChronologyEvent> events, CancellationToken ct)
    {
        var refs = events.Select(e => e.Subject.Reference).OfType<string>().Distinct().ToList();
        var known = refs.Count == 0 ? [] : await db.PersonReferences.AsNoTracking().Where(r => refs.Contains(r.Reference)).Select(r => new { r.AgencyId, r.Reference }).ToListAsync(ct);
        return [.. known.Select(k => (k.AgencyId, k.Reference))];
    }
}
