using ChildStory.Common;

namespace ChildStory.Domain.Casework;

public enum ActionStatus
{
    Open,
    Done,

    /// <summary>No longer needed, with the reason (never silently deleted).</summary>
    Dropped,
}

/// <summary>
/// Something a meeting or a plan agreed someone would do for a child, by a date: an owner (a practitioner, or an
/// agency when no one is named), progress notes and an end. Overdue actions show on the owner's team page.
/// </summary>
public sealed class AgreedAction
{
    private AgreedAction() { }

    public AgreedAction(Guid id, Guid childId, Guid? meetingId, Guid? planId, string description, Guid ownerAgencyId, Guid? ownerPractitionerId,
        string ownerName, DateOnly dueOn, DateTimeOffset agreedAt)
    {
        Id = id;
        ChildId = childId;
        MeetingId = meetingId;
        PlanId = planId;
        Description = description;
        OwnerAgencyId = ownerAgencyId;
        OwnerPractitionerId = ownerPractitionerId;
        OwnerName = ownerName;
        DueOn = dueOn;
        AgreedAt = agreedAt;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid? MeetingId { get; private set; }
    public Guid? PlanId { get; private set; }
    public string Description { get; private set; } = "";
    public Guid OwnerAgencyId { get; private set; }
    public Guid? OwnerPractitionerId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset AgreedAt { get; private set; }
    public ActionStatus Status { get; private set; }
    public string? Progress { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public int Version { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == ActionStatus.Open && DueOn < today;

    public Result<bool> Update(ActionStatus status, string? progress, DateOnly today)
    {
        if (Status != ActionStatus.Open)
        {
            return Error.Conflict($"This action is already {(Status == ActionStatus.Done ? "done" : "dropped")}");
        }
        if (status == ActionStatus.Dropped && string.IsNullOrWhiteSpace(progress))
        {
            return Error.Invalid("Progress", "Say why the action is no longer needed");
        }
        Status = status;
        Progress = string.IsNullOrWhiteSpace(progress) ? Progress : progress.Trim();
        CompletedOn = status == ActionStatus.Open ? null : today;
        Version++;
        return true;
    }
}
