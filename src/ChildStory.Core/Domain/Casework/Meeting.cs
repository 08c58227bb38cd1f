using ChildStory.Common;

namespace ChildStory.Domain.Casework;

public enum MeetingType
{
    StrategyDiscussion,
    ChildInNeedReview,
    InitialChildProtectionConference,
    ReviewChildProtectionConference,
    CoreGroup,
    TeamAroundTheChild,
    MacePanel,
    LookedAfterReview,
    ProfessionalsMeeting,
}

public enum MeetingFormat
{
    InPerson,
    Telephone,
    Video,
    Hybrid,
}

public enum MeetingStatus
{
    Scheduled,
    Held,
    Cancelled,
}

/// <summary>What a meeting decided, where its type has a decision that starts or ends a statutory clock.</summary>
public enum MeetingOutcome
{
    None,

    /// <summary>A strategy discussion decides a section 47 enquiry: the initial conference is due in 15 working days.</summary>
    Section47Enquiry,
    NoFurtherAction,
    ChildInNeedPlan,

    /// <summary>A conference makes the child subject to a child protection plan: core group and review clocks start.</summary>
    ChildProtectionPlan,

    /// <summary>A review keeps the plan: the next review's clock starts.</summary>
    PlanContinues,
    PlanEnds,
    StepDownToEarlyHelp,
}

/// <summary>
/// A meeting about one child: strategy discussions (often by telephone), child in need reviews, initial and review
/// child protection conferences, core groups, team-around-the-child meetings, looked-after reviews and MACE panels.
/// Any of them may carry an exploitation discussion as an agenda item. Invitations go out with the notice its type
/// sets (the GP could not take part because of late notice); when it has been held, attendance, apologies, agency
/// reports, decisions, actions and minutes are recorded and it lands in the child's story. Never deleted.
/// </summary>
public sealed class Meeting
{
    private Meeting() { }

    public Meeting(Guid id, Guid childId, MeetingType type, DateTimeOffset startsAt, MeetingFormat format, string? location,
        Guid organiserId, string organiserName, Guid organiserAgencyId, bool exploitationItem, string? purpose, DateTimeOffset now)
    {
        Id = id;
        ChildId = childId;
        Type = type;
        StartsAt = startsAt;
        Format = format;
        Location = location;
        OrganiserId = organiserId;
        OrganiserName = organiserName;
        OrganiserAgencyId = organiserAgencyId;
        ExploitationItem = exploitationItem;
        Purpose = purpose;
        ScheduledAt = now;
        Status = MeetingStatus.Scheduled;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public MeetingType Type { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public MeetingFormat Format { get; private set; }
    public string? Location { get; private set; }
    public Guid OrganiserId { get; private set; }
    public string OrganiserName { get; private set; } = "";
    public Guid OrganiserAgencyId { get; private set; }

    /// <summary>A MACE-style exploitation discussion is on the agenda (it can be an item of any meeting).</summary>
    public bool ExploitationItem { get; private set; }
    public string? Purpose { get; private set; }

    /// <summary>Why the meeting went ahead with less notice than its type needs (the organiser had to say).</summary>
    public string? ShortNoticeReason { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public MeetingStatus Status { get; private set; }
    public DateTimeOffset? HeldAt { get; private set; }
    public string? ChairName { get; private set; }
    public MeetingOutcome Outcome { get; private set; }
    public string? Decisions { get; private set; }
    public string? Minutes { get; private set; }
    public ChildVoice ChildVoice { get; private set; } = ChildVoice.None;
    public string? LateReason { get; private set; }
    public string? CancelReason { get; private set; }
    public List<MeetingInvitation> Invitations { get; private set; } = [];
    public int Version { get; private set; }

    public void GoAheadAtShortNotice(string reason) => ShortNoticeReason = reason;

    /// <summary>Adds a MACE-style exploitation discussion to the agenda of a meeting not yet held.</summary>
    public void AddExploitationItem()
    {
        ExploitationItem = true;
        Version++;
    }

    public Result<bool> RecordHeld(DateTimeOffset heldAt, string chair, MeetingOutcome outcome, string decisions, string? minutes, ChildVoice voice, string? lateReason)
    {
        if (Status != MeetingStatus.Scheduled)
        {
            return Error.Conflict($"This meeting is already {Status.ToString().ToLowerInvariant()}");
        }
        Status = MeetingStatus.Held;
        HeldAt = heldAt;
        ChairName = chair;
        Outcome = outcome;
        Decisions = decisions;
        Minutes = minutes;
        ChildVoice = voice;
        LateReason = lateReason;
        Version++;
        return true;
    }

    public Result<bool> Cancel(string reason)
    {
        if (Status != MeetingStatus.Scheduled)
        {
            return Error.Conflict($"This meeting is already {Status.ToString().ToLowerInvariant()}");
        }
        Status = MeetingStatus.Cancelled;
        CancelReason = reason;
        Version++;
        return true;
    }

    /// <summary>Meeting types in the words practitioners use.</summary>
    public static string Describe(MeetingType type) => type switch
    {
        MeetingType.StrategyDiscussion => "Strategy discussion",
        MeetingType.ChildInNeedReview => "Child in need review",
        MeetingType.InitialChildProtectionConference => "Initial child protection conference",
        MeetingType.ReviewChildProtectionConference => "Review child protection conference",
        MeetingType.CoreGroup => "Core group",
        MeetingType.TeamAroundTheChild => "Team around the child meeting",
        MeetingType.MacePanel => "MACE panel",
        MeetingType.LookedAfterReview => "Looked-after child review",
        _ => "Professionals meeting",
    };

    public static string Describe(MeetingOutcome outcome) => outcome switch
    {
        MeetingOutcome.Section47Enquiry => "Section 47 enquiry: initial child protection conference to be held",
        MeetingOutcome.NoFurtherAction => "No further action",
        MeetingOutcome.ChildInNeedPlan => "Child in need plan",
        MeetingOutcome.ChildProtectionPlan => "Child protection plan",
        MeetingOutcome.PlanContinues => "The plan continues",
        MeetingOutcome.PlanEnds => "The plan ends",
        MeetingOutcome.StepDownToEarlyHelp => "Step down to early help",
        _ => "No formal outcome",
    };
}

public enum InvitationResponse
{
    Invited,
    Accepted,
    Apologies,
}

public enum Attendance
{
    NotRecorded,
    Attended,
    SentApologies,
    DidNotAttend,
}

/// <summary>
/// An invitation addressed to one practitioner or one team of an agency — never to a whole agency: it is the invitee's
/// need to know, so only they (or their manager; for a team, its members and their managers) open the meeting through it,
/// answer it and send the report. It records the notice given, in working days, against the notice the meeting's type
/// needs — short notice is flagged on the invitation, not hidden — and then the reply, the report and whether they came.
/// Invitations made before invitations were addressed may name neither: those belong to the agency's front door.
/// </summary>
public sealed class MeetingInvitation
{
    private MeetingInvitation() { }

    public MeetingInvitation(Guid id, Guid meetingId, Guid agencyId, Guid? practitionerId, Guid? teamId, string inviteeName, DateTimeOffset invitedAt,
        int noticeWorkingDays, int requiredNoticeWorkingDays)
    {
        if ((practitionerId is null) == (teamId is null))
        {
            throw new ArgumentException("An invitation is addressed to one practitioner or one team.");
        }
        Id = id;
        MeetingId = meetingId;
        AgencyId = agencyId;
        PractitionerId = practitionerId;
        TeamId = teamId;
        InviteeName = inviteeName;
        InvitedAt = invitedAt;
        NoticeWorkingDays = noticeWorkingDays;
        RequiredNoticeWorkingDays = requiredNoticeWorkingDays;
    }

    public Guid Id { get; private set; }
    public Guid MeetingId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid? PractitionerId { get; private set; }

    /// <summary>The team invited, when no one practitioner is: each member answers for it.</summary>
    public Guid? TeamId { get; private set; }
    public string InviteeName { get; private set; } = "";
    public DateTimeOffset InvitedAt { get; private set; }
    public int NoticeWorkingDays { get; private set; }
    public int RequiredNoticeWorkingDays { get; private set; }
    public InvitationResponse Response { get; private set; }
    public string? ResponseNote { get; private set; }
    public DateTimeOffset? ReportSubmittedAt { get; private set; }
    public string? Report { get; private set; }
    public string? ReportBy { get; private set; }
    public Attendance Attendance { get; private set; }

    public bool LateNotice => NoticeWorkingDays < RequiredNoticeWorkingDays;

    public void Respond(InvitationResponse response, string? note)
    {
        Response = response;
        ResponseNote = note;
    }

    public void SubmitReport(string report, string by, DateTimeOffset at)
    {
        Report = report;
        ReportBy = by;
        ReportSubmittedAt = at;
    }

    public void RecordAttendance(Attendance attendance) => Attendance = attendance;
}
