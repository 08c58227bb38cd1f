namespace ChildStory.Domain.Education;

/// <summary>
/// A school holding the child on its roll, from a date. James was on School A's roll for his whole secondary career
/// and hardly attended: the roll is where accountability sits, so it is recorded, not assumed.
/// </summary>
public sealed class Enrolment : Stamped, IChildData
{
    private Enrolment() { }

    public Enrolment(Guid id, Guid childId, Guid schoolId, DateOnly startedOn, bool fullTime = true)
    {
        Id = id;
        ChildId = childId;
        SchoolId = schoolId;
        StartedOn = startedOn;
        FullTime = fullTime;
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }

    /// <summary>The school agency holding the child on roll.</summary>
    public Guid SchoolId { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? EndReason { get; private set; }

    /// <summary>Whether the roll place is full-time (a part-time timetable is recorded on its own).</summary>
    public bool FullTime { get; private set; }

    /// <summary>The involvement that gives the school's designated safeguarding lead need-to-know.</summary>
    public Guid? InvolvementId { get; private set; }
    public int Version { get; private set; }

    public bool OnRollOn(DateOnly day) => StartedOn <= day && (EndedOn is null || EndedOn >= day);

    public void GrantedBy(Guid involvementId) => InvolvementId = involvementId;

    public Common.Result<bool> End(DateOnly on, string reason)
    {
        if (EndedOn is not null)
        {
            return Common.Error.Conflict("The child is already off this school’s roll.");
        }
        if (on < StartedOn)
        {
            return Common.Error.Invalid("EndedOn", "The date the child left the roll must be on or after the date they joined it");
        }
        EndedOn = on;
        EndReason = reason;
        Version++;
        return true;
    }
}

/// <summary>
/// Attendance over a period (a week or a half-term) as a school's system reports it: possible and attended sessions
/// (two a day, as the DfE school census counts them). Percentages are computed, never stored.
/// </summary>
public sealed class AttendanceRecord : Stamped, IChildData
{
    private AttendanceRecord() { }

    public AttendanceRecord(Guid id, Guid childId, Guid schoolId, DateOnly periodStart, DateOnly periodEnd, int possibleSessions, int attendedSessions, string source)
    {
        Id = id;
        ChildId = childId;
        SchoolId = schoolId;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        Source = source;
        Set(possibleSessions, attendedSessions);
    }

    public Guid Id { get; private set; }
    public Guid ChildId { get; private set; }
    public Guid SchoolId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public int PossibleSessions { get; private set; }
    public int AttendedSessions { get; private set; }

    /// <summary>Where it came from: "import", "api" or a practitioner's entry.</summary>
    public string Source { get; private set; } = "";
    public int Version { get; private set; }

    public double? Percent => PossibleSessions == 0 ? null : 100.0 * AttendedSessions / PossibleSessions;

    /// <summary>A re-import of the same period replaces the counts (imports are idempotent).</summary>
    public bool Set(int possible, int attended)
    {
        if (possible < 0 || attended < 0 || attended > possible)
        {
            throw new ArgumentOutOfRangeException(nameof(attended), "Attended sessions must be between 0 and the possible sessions.");
        }
        if (possible == PossibleSessions && attended == AttendedSessions && Version > 0)
        {
            return false;
        }
        PossibleSessions = possible;
        AttendedSessions = attended;
        Version++;
        return true;
    }
}
