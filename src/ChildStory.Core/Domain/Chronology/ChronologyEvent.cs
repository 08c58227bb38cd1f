namespace ChildStory.Domain.Chronology;

/// <summary>
/// One thing that happened to a child, as one agency recorded it: the unit of the multi-agency chronology.
/// It keeps how the sender identified the person (<see cref="Subject"/>), so that linking it to a child — now or
/// after review — can always be explained and undone. Events are never deleted.
/// </summary>
public sealed class ChronologyEvent
{
    private ChronologyEvent() { }

    public ChronologyEvent(Guid id, Guid agencyId, string idempotencyKey, EventType type, DateTimeOffset occurredAt,
        DateTimeOffset recordedAt, DateTimeOffset receivedAt, string author, string summary, EventSubject subject)
    {
        Id = id;
        AgencyId = agencyId;
        IdempotencyKey = idempotencyKey;
        Type = type;
        OccurredAt = occurredAt;
        RecordedAt = recordedAt;
        ReceivedAt = receivedAt;
        Author = author;
        Summary = summary;
        Subject = subject;
        SubjectKey = SubjectKeys.For(subject);
    }

    /// <summary>
    /// An event a practitioner records in ChildStory itself (a visit, the child's own words): it is about the child
    /// whose page it was added from, so it is linked from the start.
    /// </summary>
    public static ChronologyEvent EnteredInChildStory(Guid id, Guid agencyId, Guid practitionerId, string author, EventType type,
        DateTimeOffset occurredAt, DateTimeOffset now, string summary, EventSubject subject, Guid childId)
    {
        var e = new ChronologyEvent(id, agencyId, $"childstory:{id:N}", type, occurredAt, now, now, author, summary, subject)
        {
            EnteredById = practitionerId,
        };
        e.LinkTo(childId, Chronology.LinkBasis.EnteredInChildStory);
        return e;
    }

    public Guid Id { get; private set; }

    /// <summary>The child this event is about, once identity has linked it; null while it awaits a match.</summary>
    public Guid? ChildId { get; private set; }
    public Guid AgencyId { get; private set; }

    /// <summary>The sender's key for this event: the same key from the same agency is the same event, however often sent.</summary>
    public string IdempotencyKey { get; private set; } = "";
    public EventType Type { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Author { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string? Details { get; private set; }
    public bool Significant { get; private set; }
    public Verification Verification { get; private set; }
    public Sensitivity Sensitivity { get; private set; }

    /// <summary>Whom a reader who may not see a sensitive entry should ask about it.</summary>
    public string? SensitiveContact { get; private set; }
    public EventFacts Facts { get; private set; } = new();

    /// <summary>What the event shows beyond its type (exploitation indicators, mental health, neglect…), for the rules.</summary>
    public Concern Concerns { get; private set; }
    public EventSubject Subject { get; private set; } = null!;

    /// <summary>A digest of <see cref="Subject"/>: the same agency describing the same person the same way gives the same key,
    /// so that all such events wait for one review and are linked together.</summary>
    public string SubjectKey { get; private set; } = "";

    public MatchState MatchState { get; private set; } = MatchState.Pending;

    /// <summary>How the event came to be linked to its child: the answer to "why is this on this child's story?".</summary>
    public LinkBasis? LinkBasis { get; private set; }

    /// <summary>The matcher's evidence (log-odds) when <see cref="LinkBasis"/> is probabilistic, reviewed or a new person.</summary>
    public double? LinkScore { get; private set; }

    /// <summary>The practitioner who recorded it in ChildStory; null when an agency system sent it.</summary>
    public Guid? EnteredById { get; private set; }

    /// <summary>1 when first recorded; each amendment keeps the previous version as an <see cref="EventRevision"/>.</summary>
    public int Version { get; private set; } = 1;
    public DateTimeOffset? AmendedAt { get; private set; }

    /// <summary>Recorded against the wrong child or never happened: kept and shown struck through, never deleted.</summary>
    public bool EnteredInError { get; private set; }

    public void Describe(string? details, bool significant, Verification verification, EventFacts facts)
    {
        Details = details;
        Significant = significant;
        Verification = verification;
        Facts = facts;
    }

    public void Flag(Concern concerns) => Concerns = concerns;

    public void MarkSensitive(Sensitivity sensitivity, string? contact)
    {
        if (sensitivity != Sensitivity.None && string.IsNullOrWhiteSpace(contact))
        {
            throw new ArgumentException("A sensitive entry must say whom to ask about it.", nameof(contact));
        }
        Sensitivity = sensitivity;
        SensitiveContact = sensitivity == Sensitivity.None ? null : contact;
    }

    public void LinkTo(Guid childId, LinkBasis basis, double? score = null)
    {
        ChildId = childId;
        MatchState = MatchState.Linked;
        LinkBasis = basis;
        LinkScore = score;
    }

    /// <summary>Events stored before subject keys existed get theirs when the matcher first reads them.</summary>
    public void EnsureSubjectKey()
    {
        if (SubjectKey.Length == 0) { SubjectKey = SubjectKeys.For(Subject); }
    }

    public void MarkUnidentified() => MatchState = MatchState.Unidentified;

    public void AwaitReview(double score)
    {
        MatchState = MatchState.AwaitingReview;
        LinkScore = score;
    }

    /// <summary>
    /// Changes what the entry says, keeping what it said before. Nothing about an event is ever overwritten without
    /// a trace: the returned revision holds the replaced version, who replaced it, when and why.
    /// </summary>
    public EventRevision Amend(EventAmendment change, Guid byId, string byName, DateTimeOffset at)
    {
        var revision = new EventRevision(this, byId, byName, at, change.Reason);
        Type = change.Type;
        OccurredAt = change.OccurredAt;
        Summary = change.Summary;
        Details = change.Details;
        Significant = change.Significant;
        Verification = change.Verification;
        EnteredInError = change.EnteredInError;
        Version++;
        AmendedAt = at;
        return revision;
    }
}

public enum MatchState
{
    /// <summary>Received without an exact identifier we hold: the matcher has not looked at it yet.</summary>
    Pending,
    Linked,

    /// <summary>The matcher found a possible but uncertain match: a practitioner decides (see <c>MatchReview</c>).</summary>
    AwaitingReview,

    /// <summary>Too little to identify anyone and no one close: kept, listed for the front door.</summary>
    Unidentified,
}

public enum LinkBasis
{
    NhsNumber,
    Upn,
    AgencyReference,
    Probabilistic,
    Reviewed,
    NewPerson,
    EnteredInChildStory,
}

/// <summary>What a practitioner changes when amending an entry, and why.</summary>
public sealed record EventAmendment(
    EventType Type, DateTimeOffset OccurredAt, string Summary, string? Details, bool Significant, Verification Verification,
    bool EnteredInError, string Reason);

/// <summary>
/// A replaced version of an event, kept for ever: what it said, and who replaced it, when and why.
/// </summary>
public sealed class EventRevision
{
    private EventRevision() { }

    internal EventRevision(ChronologyEvent e, Guid byId, string byName, DateTimeOffset at, string reason)
    {
        Id = Guid.NewGuid();
        EventId = e.Id;
        Version = e.Version;
        Type = e.Type;
        OccurredAt = e.OccurredAt;
        Summary = e.Summary;
        Details = e.Details;
        Significant = e.Significant;
        Verification = e.Verification;
        EnteredInError = e.EnteredInError;
        ReplacedAt = at;
        ReplacedById = byId;
        ReplacedBy = byName;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid EventId { get; private set; }
    public int Version { get; private set; }
    public EventType Type { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Summary { get; private set; } = "";
    public string? Details { get; private set; }
    public bool Significant { get; private set; }
    public Verification Verification { get; private set; }
    public bool EnteredInError { get; private set; }
    public DateTimeOffset ReplacedAt { get; private set; }
    public Guid ReplacedById { get; private set; }
    public string ReplacedBy { get; private set; } = "";
    public string Reason { get; private set; } = "";
}

/// <summary>The person as the sending agency knows them (their record, not ours).</summary>
public sealed record EventSubject(
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Sex, string? Postcode,
    string? NhsNumber, string? Upn, string? Reference);

/// <summary>Facts some event types carry; each is null when the sender did not say.</summary>
public sealed record EventFacts(
    bool? ChildPresent = null, bool? DomesticAbuse = null, bool? Planned = null, bool? Successful = null,
    bool? ChildSeen = null, bool? ChildSeenAlone = null, DateTimeOffset? PeriodEnd = null, decimal? AttendancePercent = null,
    bool? BedroomSeen = null);
