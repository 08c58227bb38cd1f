namespace ChildStory.Domain.Chronology;

/// <summary>
/// What happened, as agencies report it. The list answers the reviews: James's A&amp;E attendances, overdoses and
/// police involvements; Child One's domestic incident with a child present; Child B's exclusions and moves.
/// </summary>
public enum EventType
{
    PoliceIncident,
    Arrest,
    StopAndSearch,
    MissingEpisode,
    ReturnFromMissing,
    ReturnHomeInterview,
    EmergencyDepartmentAttendance,
    HospitalAdmission,
    HospitalDischarge,
    OverdoseOrSelfHarm,
    CamhsContact,
    CamhsAssessment,
    CamhsClosure,
    GpAppointmentAttended,
    GpAppointmentWasNotBrought,
    DrugAndAlcoholServiceContact,
    SchoolAttendance,
    Suspension,
    PermanentExclusion,
    AlternativeProvisionStart,
    AlternativeProvisionEnd,
    HomeVisit,
    ContactAttempt,
    ReferralMade,
    ReferralReceived,
    MeetingHeld,
    NrmDecision,
    VoiceOfTheChild,
    SignificantEvent,

    // Follow-through written by ChildStory itself: every step of a share lands in the child's story.
    InformationShared,
    ShareAcknowledged,
    ShareActioned,
    ShareChased,
    ShareEscalated,
    ReferralAccepted,
    ReferralDeclined,
    ReferralAllocated,
    ServiceFirstContact,
    ReferralClosed,
    ReferralWithdrawn,
    CriticalMoment,
    ReferralOverdue,
    FrontDoorContact,
    FrontDoorDecision,

    // The team around the child: who works with the child, visits, meetings, plans and clocks.
    Visit,
    InvolvementStarted,
    InvolvementEnded,
    LeadProfessionalNamed,
    WorkerIntroduced,
    WithdrawalProposed,
    WithdrawalContested,
    WithdrawalDecided,
    PlanStarted,
    PlanChanged,
    PlanReviewed,
    PlanEnded,
    TimescaleMissed,

    // The safeguarding rules: every alert and what a person decided about it.
    AlertRaised,
    AlertDecided,
    ExploitationScreening,
    NrmReferralSubmitted,

    // Peer and place mapping.
    AssociationRecorded,

    // Resolution of professional differences (escalation).
    DifferenceRaised,
    DifferenceResponded,
    DifferenceMovedUp,
    DifferenceStageOverdue,
    DifferenceResolved,
    // Education and SEND: a roll, a timetable, a placement, an EHC plan, home education, transport (issue 9).
    EducationRecorded,
}

public enum Verification
{
    /// <summary>Checked against the agency's own records or seen first hand.</summary>
    Verified,

    /// <summary>Reported by someone else and not checked ("don't rely on word of mouth" — Child A).</summary>
    Hearsay,
}

/// <summary>Categories whose content only the sending agency may read; others see that an entry exists and whom to ask.</summary>
public enum Sensitivity
{
    None,
    SexualHealth,
    PoliceIntelligence,
    MentalHealth,
    Other,
}
