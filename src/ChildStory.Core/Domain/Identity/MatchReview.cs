using ChildStory.Domain.Chronology;

namespace ChildStory.Domain.Identity;

public enum ReviewStatus
{
    Open,

    /// <summary>The practitioner confirmed the candidate: the waiting events were linked to them.</summary>
    Confirmed,

    /// <summary>Not the candidate: the waiting events were given a new person of their own.</summary>
    Rejected,
}

/// <summary>
/// An uncertain match waiting for a person to decide: an agency described someone (<see cref="Subject"/>) who
/// resembles a child we hold (<see cref="CandidateId"/>) but not closely enough to link without a human. Every
/// event from that agency with the same description waits on this one decision. The matcher's evidence is kept
/// field by field so that the reviewer sees why, side by side.
/// </summary>
public sealed class MatchReview
{
    private MatchReview() { }

    public MatchReview(Guid agencyId, string subjectKey, EventSubject subject, Guid candidateId, double score, string evidence, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        AgencyId = agencyId;
        SubjectKey = subjectKey;
        Subject = subject;
        CandidateId = candidateId;
        Score = score;
        Evidence = evidence;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid AgencyId { get; private set; }
    public string SubjectKey { get; private set; } = "";
    public EventSubject Subject { get; private set; } = null!;
    public Guid CandidateId { get; private set; }
    public double Score { get; private set; }

    /// <summary>JSON list of the field comparisons (field, theirs, ours, weight) behind <see cref="Score"/>.</summary>
    public string Evidence { get; private set; } = "[]";
    public DateTimeOffset CreatedAt { get; private set; }
    public ReviewStatus Status { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedBy { get; private set; }
    public string? Note { get; private set; }

    /// <summary>The person the events were linked to by the decision: the candidate, or the new person made on rejection.</summary>
    public Guid? LinkedPersonId { get; private set; }

    public void Decide(ReviewStatus status, Guid personId, Guid byId, string byName, string? note, DateTimeOffset at)
    {
        if (Status != ReviewStatus.Open)
        {
            throw new InvalidOperationException("This match has already been decided.");
        }
        Status = status;
        LinkedPersonId = personId;
        DecidedById = byId;
        DecidedBy = byName;
        Note = note;
        DecidedAt = at;
    }
}
