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
    public EventSubject Subject { get; private set; } = null!;

    public void Describe(string? details, bool significant, Verification verification, EventFacts facts)
    {
        Details = details;
        Significant = significant;
        Verification = verification;
        Facts = facts;
    }

    public void MarkSensitive(Sensitivity sensitivity, string? contact)
    {
        if (sensitivity != Sensitivity.None && string.IsNullOrWhiteSpace(contact))
        {
            throw new ArgumentException("A sensitive entry must say whom to ask about it.", nameof(contact));
        }
        Sensitivity = sensitivity;
        SensitiveContact = sensitivity == Sensitivity.None ? null : contact;
    }

    public void LinkTo(Guid childId) => ChildId = childId;
}

/// <summary>The person as the sending agency knows them (their record, not ours).</summary>
public sealed record EventSubject(
    string? GivenName, string? FamilyName, DateOnly? DateOfBirth, string? Sex, string? Postcode,
    string? NhsNumber, string? Upn, string? Reference);

/// <summary>Facts some event types carry; each is null when the sender did not say.</summary>
public sealed record EventFacts(
    bool? ChildPresent = null, bool? DomesticAbuse = null, bool? Planned = null, bool? Successful = null,
    bool? ChildSeen = null, bool? ChildSeenAlone = null, DateTimeOffset? PeriodEnd = null, decimal? AttendancePercent = null);
