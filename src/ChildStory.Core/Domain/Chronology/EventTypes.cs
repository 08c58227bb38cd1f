using System.Text.RegularExpressions;

namespace ChildStory.Domain.Chronology;

/// <summary>Event types in the words practitioners use ("A&amp;E attendance", "GP appointment: was not brought").</summary>
public static partial class EventTypes
{
    public static string Describe(EventType type) => type switch
    {
        EventType.EmergencyDepartmentAttendance => "A&E attendance",
        EventType.GpAppointmentWasNotBrought => "GP appointment: was not brought",
        EventType.GpAppointmentAttended => "GP appointment attended",
        EventType.CamhsContact => "CAMHS contact",
        EventType.CamhsAssessment => "CAMHS assessment",
        EventType.CamhsClosure => "CAMHS closure",
        EventType.NrmDecision => "NRM decision",
        EventType.VoiceOfTheChild => "The child's own words",
        EventType.OverdoseOrSelfHarm => "Overdose or self-harm",
        EventType.ReturnFromMissing => "Return from missing",
        _ => Words(type.ToString()),
    };

    /// <summary>The kinds a practitioner may record from the page (intake-only kinds like attendance periods come from systems).</summary>
    public static IReadOnlyList<EventType> RecordableByPractitioners { get; } =
    [
        EventType.VoiceOfTheChild, EventType.HomeVisit, EventType.ContactAttempt, EventType.MeetingHeld, EventType.ReferralMade,
        EventType.ReferralReceived, EventType.SignificantEvent, EventType.PoliceIncident, EventType.MissingEpisode, EventType.ReturnFromMissing,
        EventType.ReturnHomeInterview, EventType.OverdoseOrSelfHarm, EventType.EmergencyDepartmentAttendance, EventType.HospitalAdmission,
        EventType.HospitalDischarge, EventType.CamhsContact, EventType.CamhsAssessment, EventType.CamhsClosure, EventType.GpAppointmentAttended,
        EventType.GpAppointmentWasNotBrought, EventType.DrugAndAlcoholServiceContact, EventType.Suspension, EventType.PermanentExclusion,
        EventType.AlternativeProvisionStart, EventType.AlternativeProvisionEnd, EventType.Arrest, EventType.StopAndSearch, EventType.NrmDecision,
    ];

    private static string Words(string pascal)
    {
        var words = CamelBoundary().Replace(pascal, " ").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex CamelBoundary();
}
