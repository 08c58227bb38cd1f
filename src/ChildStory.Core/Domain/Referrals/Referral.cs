using ChildStory.Common;

namespace ChildStory.Domain.Referrals;

/// <summary>Where a referral has got to. Declined, closed and withdrawn are ends.</summary>
public enum ReferralStage
{
    Sent,
    Received,
    Accepted,
    Declined,
    Allocated,
    FirstContact,
    Closed,
    Withdrawn,
}

/// <summary>
/// A child's referral to a service, moving sent → received → accepted or declined (with a reason) → allocated →
/// first contact → closed, or withdrawn by the referrer at any point before it closes. Each step records when and by
/// whom; the next step's due time comes from the service's targets on the partnership calendar. When the child says
/// they are ready to engage, the referrer marks a critical moment and every remaining step is fast-tracked to hours
/// (James was willing; the referral to drug services took months). Never deleted.
/// </summary>
public sealed class Referral
{
    private Referral() { }

    public Referral(Guid id, Guid childId, Guid serviceId, Guid referrerId, string referrerName, Guid referrerAgencyId, string reason, DateTimeOffset sentAt)
    {
        Id = id;
        ChildId = childId;
        ServiceId = serviceId;
        ReferrerId = referrerId;
        ReferrerName = referrerName;
        ReferrerAgencyId = referrerAgencyId;
        Reason = reason;
        SentAt = sentAt;
        Stage = ReferralStage.Sent;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid ServiceId { get; private set; }
    public ReferralService? Service { get; private set; }
    public Guid ReferrerId { get; private set; }
    public string ReferrerName { get; private set; } = "";
    public Guid ReferrerAgencyId { get; private set; }
    public string Reason { get; private set; } = "";
    public ReferralStage Stage { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset? AllocatedAt { get; private set; }
    public string? AllocatedTo { get; private set; }
    public DateTimeOffset? FirstContactAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosingNote { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawReason { get; private set; }
    public DateTimeOffset? CriticalMomentAt { get; private set; }
    public string? CriticalMomentNote { get; private set; }

    /// <summary>When the next step is due (null once the referral has ended), and how that was worked out.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }
    public string? NextDueExplanation { get; private set; }

    /// <summary>When the referral was last escalated for missing <see cref="NextDueAt"/> (once per missed step).</summary>
    public DateTimeOffset? EscalatedForDueAt { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Stage is not (ReferralStage.Declined or ReferralStage.Closed or ReferralStage.Withdrawn);

    /// <summary>The step that comes next, in words ("a decision"), or null when it has ended.</summary>
    public ReferralStage? NextStage => Stage switch
    {
        ReferralStage.Sent => ReferralStage.Received,
        ReferralStage.Received => ReferralStage.Accepted,
        ReferralStage.Accepted => ReferralStage.Allocated,
        ReferralStage.Allocated => ReferralStage.FirstContact,
        ReferralStage.FirstContact => ReferralStage.Closed,
        _ => null,
    };

    public bool IsOverdue(DateTimeOffset now) => NextDueAt is { } due && now > due;

    /// <summary>Moves the referral on one step; anything out of order is refused with what would be allowed.</summary>
    public Result<bool> Advance(ReferralStage to, string? text, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return Error.Conflict($"This referral was {Stage.ToString().ToLowerInvariant()}; nothing more can happen to it");
        }
        var allowed = to switch
        {
            ReferralStage.Received => Stage == ReferralStage.Sent,
            ReferralStage.Accepted or ReferralStage.Declined => Stage is ReferralStage.Sent or ReferralStage.Received,
            ReferralStage.Allocated => Stage == ReferralStage.Accepted,
            ReferralStage.FirstContact => Stage == ReferralStage.Allocated,
            ReferralStage.Closed => Stage is ReferralStage.Accepted or ReferralStage.Allocated or ReferralStage.FirstContact,
            ReferralStage.Withdrawn => true,
            _ => false,
        };
        if (!allowed)
        {
            return Error.Conflict($"A referral at '{Words(Stage)}' cannot move to '{Words(to)}'{(NextStage is { } next ? $"; the next step is '{Words(next)}'" : "")}");
        }
        switch (to)
        {
            case ReferralStage.Received: ReceivedAt = now; break;
            case ReferralStage.Accepted: ReceivedAt ??= now; DecidedAt = now; break;
            case ReferralStage.Declined: ReceivedAt ??= now; DecidedAt = now; DeclineReason = text; break;
            case ReferralStage.Allocated: AllocatedAt = now; AllocatedTo = text; break;
            case ReferralStage.FirstContact: FirstContactAt = now; break;
            case ReferralStage.Closed: ClosedAt = now; ClosingNote = text; break;
            case ReferralStage.Withdrawn: WithdrawnAt = now; WithdrawReason = text; break;
        }
        Stage = to;
        if (!IsOpen)
        {
            NextDueAt = null;
            NextDueExplanation = null;
        }
        Version++;
        return true;
    }

    public void SetNextDue(DateTimeOffset? due, string? explanation)
    {
        NextDueAt = due;
        NextDueExplanation = explanation;
        Version++;
    }

    public Result<bool> MarkCriticalMoment(string note, DateTimeOffset now)
    {
        if (!IsOpen || Stage == ReferralStage.FirstContact)
        {
            return Error.Conflict("A critical moment can only be marked before the service has made first contact");
        }
        if (CriticalMomentAt is not null)
        {
            return Error.Conflict($"A critical moment was already marked at {CriticalMomentAt:HH:mm 'on' d MMM yyyy} (UTC)");
        }
        CriticalMomentAt = now;
        CriticalMomentNote = note;
        Version++;
        return true;
    }

    public void Escalated(DateTimeOffset dueAt)
    {
        EscalatedForDueAt = dueAt;
        Version++;
    }

    public static string Words(ReferralStage stage) => stage switch
    {
        ReferralStage.Sent => "sent",
        ReferralStage.Received => "received",
        ReferralStage.Accepted => "accepted",
        ReferralStage.Declined => "declined",
        ReferralStage.Allocated => "allocated",
        ReferralStage.FirstContact => "first contact",
        ReferralStage.Closed => "closed",
        _ => "withdrawn",
    };
}
