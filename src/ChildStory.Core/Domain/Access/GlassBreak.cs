namespace ChildStory.Domain.Access;

public enum GlassBreakOutcome
{
    Justified,
    NotJustified,
}

/// <summary>
/// Time-limited access to a child outside the practitioner's need to know, given on a stated reason and
/// reviewed afterwards by their manager (MISSION principle 4: "break the glass" with a reason a manager reviews).
/// </summary>
public sealed class GlassBreak
{
    private GlassBreak() { }

    public GlassBreak(Guid id, Guid practitionerId, Guid childId, string reason, DateTimeOffset grantedAt, TimeSpan duration, Guid? reviewerId)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason is required to break the glass.", nameof(reason));
        }
        Id = id;
        PractitionerId = practitionerId;
        ChildId = childId;
        Reason = reason.Trim();
        GrantedAt = grantedAt;
        ExpiresAt = grantedAt + duration;
        ReviewerId = reviewerId;
    }

    public Guid Id { get; private set; }
    public Guid PractitionerId { get; private set; }
    public Guid ChildId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>The manager who must review this access; null when the practitioner has no manager (administrators see these).</summary>
    public Guid? ReviewerId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedById { get; private set; }
    public GlassBreakOutcome? Outcome { get; private set; }
    public string? ReviewNote { get; private set; }

    public bool GrantsAccessAt(DateTimeOffset now) => now >= GrantedAt && now < ExpiresAt;

    public bool IsReviewed => ReviewedAt is not null;

    public void Review(Guid reviewerId, DateTimeOffset at, GlassBreakOutcome outcome, string? note)
    {
        if (IsReviewed)
        {
            throw new InvalidOperationException("This access has already been reviewed.");
        }
        if (reviewerId == PractitionerId)
        {
            throw new InvalidOperationException("Nobody can review their own broken-glass access.");
        }
        if (outcome == GlassBreakOutcome.NotJustified && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Say why the access was not justified.", nameof(note));
        }
        ReviewedAt = at;
        ReviewedById = reviewerId;
        Outcome = outcome;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
