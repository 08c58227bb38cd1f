using ChildStory.Common;

namespace ChildStory.Domain.Sharing;

/// <summary>
/// One recipient of a share and what they have done with it: read, acknowledged (by when it was due, and who), the
/// action taken or why none is needed, and how far an unanswered share has been chased. Each recipient is its own
/// row with a concurrency token, so recipients acknowledging at the same moment never overwrite each other, and two
/// members of one team acknowledging at once leave exactly one acknowledgement.
/// </summary>
public sealed class ShareRecipient
{
    private ShareRecipient() { }

    public ShareRecipient(Guid id, Guid shareId, RecipientKind kind, Guid agencyId, Guid? teamId, Guid? practitionerId, string name,
        DateTimeOffset dueAt, string dueExplanation, bool outOfHoursRoute)
    {
        Id = id;
        ShareId = shareId;
        Kind = kind;
        AgencyId = agencyId;
        TeamId = teamId;
        PractitionerId = practitionerId;
        Name = name;
        DueAt = dueAt;
        DueExplanation = dueExplanation;
        OutOfHoursRoute = outOfHoursRoute;
    }

    public Guid Id { get; private set; }
    public Guid ShareId { get; private set; }
    public Share? Share { get; private set; }
    public RecipientKind Kind { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid? TeamId { get; private set; }
    public Guid? PractitionerId { get; private set; }

    /// <summary>"Westmere Police", "CAMHS duty team", "Sam Patel (school nurse)": as the sender chose them.</summary>
    public string Name { get; private set; } = "";

    /// <summary>When acknowledgement is due, and how that was computed from the urgency and the partnership calendar.</summary>
    public DateTimeOffset DueAt { get; private set; }
    public string DueExplanation { get; private set; } = "";

    /// <summary>True for the emergency duty team added because the share was sent out of office hours.</summary>
    public bool OutOfHoursRoute { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }
    public Guid? ReadById { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedById { get; private set; }
    public string? AcknowledgedByName { get; private set; }
    public DateTimeOffset? ActionedAt { get; private set; }
    public Guid? ActionedById { get; private set; }
    public string? ActionedByName { get; private set; }
    public string? ActionTaken { get; private set; }
    public bool NoActionNeeded { get; private set; }
    public ChaseStep ChaseStep { get; private set; }
    public DateTimeOffset? ChasedAt { get; private set; }
    public DateTimeOffset? EscalatedToRecipientManagerAt { get; private set; }
    public DateTimeOffset? EscalatedToSenderManagerAt { get; private set; }
    public int Version { get; private set; }

    public RecipientStatus Status => ActionedAt is not null ? RecipientStatus.Actioned
        : AcknowledgedAt is not null ? RecipientStatus.Acknowledged
        : ReadAt is not null ? RecipientStatus.Read
        : RecipientStatus.Sent;

    /// <summary>Late: not acknowledged by the time it was due (an acknowledgement after the due time stays marked late).</summary>
    public bool IsLate(DateTimeOffset now) => AcknowledgedAt is { } at ? at > DueAt : now > DueAt;

    public void MarkRead(Guid practitionerId, DateTimeOffset now)
    {
        if (ReadAt is null)
        {
            ReadAt = now;
            ReadById = practitionerId;
            Version++;
        }
    }

    public Result<bool> Acknowledge(Guid practitionerId, string name, DateTimeOffset now)
    {
        if (AcknowledgedAt is { } at)
        {
            return Error.Conflict($"{AcknowledgedByName} already acknowledged this for {Name} at {at:HH:mm 'on' d MMM yyyy} (UTC)");
        }
        MarkRead(practitionerId, now);
        AcknowledgedAt = now;
        AcknowledgedById = practitionerId;
        AcknowledgedByName = name;
        Version++;
        return true;
    }

    public Result<bool> RecordAction(Guid practitionerId, string name, string text, bool noActionNeeded, DateTimeOffset now)
    {
        if (ActionedAt is { } at)
        {
            return Error.Conflict($"{ActionedByName} already recorded the action for {Name} at {at:HH:mm 'on' d MMM yyyy} (UTC)");
        }
        if (AcknowledgedAt is null)
        {
            Acknowledge(practitionerId, name, now);
        }
        ActionedAt = now;
        ActionedById = practitionerId;
        ActionedByName = name;
        ActionTaken = text;
        NoActionNeeded = noActionNeeded;
        Version++;
        return true;
    }

    /// <summary>Moves chasing one step on; each step happens once.</summary>
    public void Chase(ChaseStep step, DateTimeOffset now)
    {
        if (step <= ChaseStep)
        {
            throw new InvalidOperationException($"Chasing is already at {ChaseStep}; {step} would repeat or go back.");
        }
        ChaseStep = step;
        switch (step)
        {
            case ChaseStep.Chased: ChasedAt = now; break;
            case ChaseStep.EscalatedToRecipientManager: EscalatedToRecipientManagerAt = now; break;
            case ChaseStep.EscalatedToSenderManager: EscalatedToSenderManagerAt = now; break;
        }
        Version++;
    }
}
