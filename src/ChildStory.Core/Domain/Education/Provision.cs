using ChildStory.Common;

namespace ChildStory.Domain.Education;

/// <summary>
/// A reduced timetable agreed by the school: hours a week, from when, until when it was meant to end, and when it is
/// reviewed. Part-time timetables are meant to be short; James's and Child B's drifted.
/// </summary>
public sealed class PartTimeTimetable : Stamped, IChildData
{
    private PartTimeTimetable() { }

    public PartTimeTimetable(Guid id, Guid childId, Guid schoolId, decimal hoursPerWeek, DateOnly startedOn, DateOnly plannedEndOn, DateOnly? reviewOn, string? reason)
    {
        Id = id;
        ChildId = childId;
        SchoolId = schoolId;
        HoursPerWeek = hoursPerWeek;
        StartedOn = startedOn;
        PlannedEndOn = plannedEndOn;
        ReviewOn = reviewOn;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid SchoolId { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly PlannedEndOn { get; private set; }
    public DateOnly? ReviewOn { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public int Version { get; private set; }

    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public Result<bool> End(DateOnly on)
    {
        if (EndedOn is not null)
        {
            return Error.Conflict("This part-time timetable has already ended.");
        }
        if (on < StartedOn)
        {
            return Error.Invalid("EndedOn", "The end date must be on or after the start date");
        }
        EndedOn = on;
        Version++;
        return true;
    }
}

public enum Commissioner
{
    School,
    LocalAuthority,
}

/// <summary>
/// A placement with an alternative provider: who commissioned it, whether the provider is registered, hours a week,
/// who monitors it and how often, and the placing body's last contact with the provider. James's provider "did not
/// know that he was on school A's roll"; a full-time place at an unregistered provider is unlawful.
/// </summary>
public sealed class AlternativeProvisionPlacement : Stamped, IChildData
{
    private AlternativeProvisionPlacement() { }

    public AlternativeProvisionPlacement(Guid id, Guid childId, Guid providerId, bool registered, Commissioner commissionedBy, decimal hoursPerWeek,
        DateOnly startedOn, DateOnly? plannedEndOn, string monitoredBy, int monitoringEveryDays, bool providerToldOfRoll, bool mainEducation)
    {
        Id = id;
        ChildId = childId;
        ProviderId = providerId;
        Registered = registered;
        CommissionedBy = commissionedBy;
        HoursPerWeek = hoursPerWeek;
        StartedOn = startedOn;
        PlannedEndOn = plannedEndOn;
        MonitoredBy = monitoredBy;
        MonitoringEveryDays = monitoringEveryDays;
        ProviderToldOfRoll = providerToldOfRoll;
        MainEducation = mainEducation;
    }

    /// <summary>The hours a week at or above which a place counts as full-time (25 hours: a school week).</summary>
    public const decimal FullTimeHours = 25m;

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The provider agency (<see cref="Partnership.AgencyKind.AlternativeProvision"/>).</summary>
    public Guid ProviderId { get; private set; }
    public bool Registered { get; private set; }
    public Commissioner CommissionedBy { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? PlannedEndOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string MonitoredBy { get; private set; } = "";
    public int MonitoringEveryDays { get; private set; }

    /// <summary>Whether the provider was told which school holds the child on roll.</summary>
    public bool ProviderToldOfRoll { get; private set; }

    /// <summary>Whether the placement is the main part of the child's education (reviewed within 10 weeks: James's review, Rec. 4).</summary>
    public bool MainEducation { get; private set; }
    public DateOnly? LastContactOn { get; private set; }
    public DateOnly? LastReviewOn { get; private set; }
    public Guid? InvolvementId { get; private set; }
    public int Version { get; private set; }

    public bool FullTime => HoursPerWeek >= FullTimeHours;

    public bool ActiveOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public void GrantedBy(Guid involvementId) => InvolvementId = involvementId;

    /// <summary>The placing school or authority spoke to the provider about the child (attendance, progress, safeguarding).</summary>
    public Result<bool> RecordContact(DateOnly on)
    {
        if (on < StartedOn)
        {
            return Error.Invalid("ContactOn", "The contact must be on or after the placement started");
        }
        if (LastContactOn is null || on > LastContactOn)
        {
            LastContactOn = on;
            Version++;
        }
        return true;
    }

    public Result<bool> Review(DateOnly on)
    {
        if (on < StartedOn)
        {
            return Error.Invalid("ReviewedOn", "The review must be on or after the placement started");
        }
        LastReviewOn = on;
        Version++;
        return true;
    }

    public Result<bool> End(DateOnly on)
    {
        if (EndedOn is not null)
        {
            return Error.Conflict("This placement has already ended.");
        }
        if (on < StartedOn)
        {
            return Error.Invalid("EndedOn", "The end date must be on or after the start date");
        }
        EndedOn = on;
        Version++;
        return true;
    }
}
