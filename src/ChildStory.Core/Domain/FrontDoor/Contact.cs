using ChildStory.Common;

namespace ChildStory.Domain.FrontDoor;

public enum ContactSource
{
    /// <summary>A police incident involving a child.</summary>
    PoliceIncident,

    /// <summary>A domestic incident with a child present: the police Vulnerable Child notification.</summary>
    VulnerableChildNotification,
    SchoolConcern,
    HealthConcern,
    MemberOfThePublic,
    OtherAgency,
}

public enum FrontDoorDecision
{
    NoFurtherAction,
    Advice,
    EarlyHelp,
    ChildInNeedAssessment,
    StrategyDiscussion,
}

/// <summary>
/// A contact or notification about a child at the front door, waiting for a decision that is due within one working
/// day. The decision — no further action, advice, early help, a child in need assessment or a strategy discussion —
/// records its rationale and who made it; an overdue decision is raised with the front door's managers once.
/// Contacts come from agencies' events (police incidents with a child present, domestic abuse) and from the front
/// door recording a call or letter. Never deleted.
/// </summary>
public sealed class Contact
{
    private Contact() { }

    public Contact(Guid id, Guid childId, ContactSource source, string from, string summary, Guid? eventId, DateTimeOffset receivedAt,
        DateTimeOffset dueAt, string dueExplanation, Guid? recordedById)
    {
        Id = id;
        ChildId = childId;
        Source = source;
        From = from;
        Summary = summary;
        EventId = eventId;
        ReceivedAt = receivedAt;
        DueAt = dueAt;
        DueExplanation = dueExplanation;
        RecordedById = recordedById;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public ContactSource Source { get; private set; }

    /// <summary>Who made the contact: the agency, or the caller as they described themselves.</summary>
    public string From { get; private set; } = "";
    public string Summary { get; private set; } = "";

    /// <summary>The chronology event this contact came from, when an agency's system sent it.</summary>
    public Guid? EventId { get; private set; }
    public Guid? RecordedById { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string DueExplanation { get; private set; } = "";
    public FrontDoorDecision? Decision { get; private set; }
    public string? Rationale { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public Guid? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTimeOffset? ManagersAlertedAt { get; private set; }

    /// <summary>True when the contact arrived while the offices were shut and the emergency duty team was told at once.</summary>
    public bool RoutedToEmergencyDuty { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateTimeOffset now) => DecidedAt is { } at ? at > DueAt : now > DueAt;

    public Result<bool> Decide(FrontDoorDecision decision, string rationale, Guid practitionerId, string name, DateTimeOffset now)
    {
        if (DecidedAt is { } at)
        {
            return Error.Conflict($"{DecidedByName} already decided this contact at {at:HH:mm 'on' d MMM yyyy} (UTC)");
        }
        Decision = decision;
        Rationale = rationale;
        DecidedAt = now;
        DecidedById = practitionerId;
        DecidedByName = name;
        Version++;
        return true;
    }

    public void RouteToEmergencyDuty() => RoutedToEmergencyDuty = true;

    public void ManagersAlerted(DateTimeOffset now)
    {
        ManagersAlertedAt = now;
        Version++;
    }

    public static string Words(FrontDoorDecision d) => d switch
    {
        FrontDoorDecision.NoFurtherAction => "No further action",
        FrontDoorDecision.Advice => "Advice",
        FrontDoorDecision.EarlyHelp => "Early help",
        FrontDoorDecision.ChildInNeedAssessment => "Child in need assessment",
        _ => "Strategy discussion",
    };

    public static string Words(ContactSource s) => s switch
    {
        ContactSource.PoliceIncident => "Police incident",
        ContactSource.VulnerableChildNotification => "Vulnerable child notification (domestic incident, child present)",
        ContactSource.SchoolConcern => "School concern",
        ContactSource.HealthConcern => "Health concern",
        ContactSource.MemberOfThePublic => "Member of the public",
        _ => "Another agency",
    };
}
