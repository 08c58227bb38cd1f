using ChildStory.Domain.Chronology;

namespace ChildStory.LoadTest;

/// <summary>One generated event; a single instance is refilled for every row, as COPY only needs it for a moment.</summary>
internal sealed class EventRow
{
    public Guid Id;
    public ChildRow Child = null!;
    public Guid AgencyId;
    public string IdempotencyKey = "";
    public string Type = "";
    public DateTimeOffset OccurredAt;
    public DateTimeOffset RecordedAt;
    public DateTimeOffset ReceivedAt;
    public string Author = "";
    public string Summary = "";
    public string? Details;
    public bool Significant;
    public string Verification = "";
    public string Sensitivity = "";
    public string? SensitiveContact;
    public decimal? AttendancePercent;
    public bool? ChildPresent;
    public bool? ChildSeen;
    public bool? ChildSeenAlone;
    public bool? DomesticAbuse;
    public bool? Planned;
    public bool? Successful;
}

/// <summary>
/// Makes plausible events: the common kinds (visits, school attendance, GP, police incidents) far more often than
/// exclusions or NRM decisions; about one in ten significant, one in thirty sensitive with whom to ask; a third
/// with free-text details, so rows are the size real ones are; the facts each kind carries.
/// </summary>
internal sealed class EventFactory
{
    private static readonly Dictionary<EventType, int> Weights = new()
    {
        [EventType.HomeVisit] = 14,
        [EventType.SchoolAttendance] = 14,
        [EventType.GpAppointmentAttended] = 10,
        [EventType.ContactAttempt] = 6,
        [EventType.PoliceIncident] = 8,
        [EventType.CamhsContact] = 6,
        [EventType.MeetingHeld] = 6,
        [EventType.VoiceOfTheChild] = 4,
        [EventType.GpAppointmentWasNotBrought] = 3,
        [EventType.EmergencyDepartmentAttendance] = 3,
        [EventType.ReferralMade] = 2,
        [EventType.ReferralReceived] = 2,
        [EventType.MissingEpisode] = 2,
        [EventType.ReturnFromMissing] = 2,
        [EventType.ReturnHomeInterview] = 2,
    };

    private static readonly string[] Authors =
    [
        "Duty practitioner", "Sam Okafor", "Priya Shah", "Tom Hughes", "Aisha Begum", "Gareth Lloyd", "Ewa Nowak",
        "Jordan Price", "Hannah Clarke", "Mo Farah-Ali", "PC 4471 Reeves", "Dr Helen Marsh", "School office",
    ];

    private static readonly string[] Notes =
    [
        "Mother present throughout. Home conditions adequate; some food in the cupboards. Child quiet but engaged when asked about school.",
        "Information shared by phone with the allocated worker the same day. No further action by this agency at present; will review at the next contact.",
        "Neighbour reported raised voices late at night. Officers attended; both adults denied any incident. Child was in bed and not spoken to.",
        "Attendance has dropped over the half-term; lateness on most Mondays. Parent says the child has been unwell but no medical evidence provided.",
        "Child said they felt safe at home but worried about an older sibling. Views recorded in their own words and shared with the family.",
        "Appointment letter sent twice; no reply. Health visitor informed and asked to follow up at the next home visit.",
    ];

    private static readonly Sensitivity[] SensitiveKinds = [Sensitivity.PoliceIntelligence, Sensitivity.SexualHealth, Sensitivity.MentalHealth, Sensitivity.Other];

    private readonly Random _random;
    private readonly IReadOnlyList<Guid> _agencies;
    private readonly DateTimeOffset _now;
    private readonly string _keyPrefix;
    private readonly EventType[] _types;
    private readonly int[] _cumulative;
    private readonly Dictionary<EventType, string> _names;
    private readonly Dictionary<EventType, string> _summaries;
    private readonly EventRow _row = new();
    private long _sequence;

    public EventFactory(Random random, IReadOnlyList<Guid> agencies, DateTimeOffset now, string runTag)
    {
        _random = random;
        _agencies = agencies;
        _now = now.ToUniversalTime();
        _keyPrefix = $"bench-{runTag}-";
        _types = Enum.GetValues<EventType>();
        _cumulative = new int[_types.Length];
        var total = 0;
        for (var i = 0; i < _types.Length; i++)
        {
            total += Weights.GetValueOrDefault(_types[i], 1);
            _cumulative[i] = total;
        }
        _names = _types.ToDictionary(t => t, t => t.ToString());
        _summaries = _types.ToDictionary(t => t, t => $"{EventTypes.Describe(t)} recorded by the agency's case system");
    }

    public EventRow Next(ChildRow child)
    {
        var r = _row;
        var type = PickType();
        r.Id = Guid.NewGuid();
        r.Child = child;
        r.AgencyId = _agencies[_random.Next(_agencies.Count)];
        r.IdempotencyKey = _keyPrefix + (_sequence++).ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        r.Type = _names[type];
        r.OccurredAt = Occurred(child);
        r.RecordedAt = r.OccurredAt.AddMinutes(_random.Next(30, 48 * 60));
        r.ReceivedAt = r.RecordedAt.AddSeconds(_random.Next(5, 1800));
        r.Author = Authors[_random.Next(Authors.Length)];
        r.Summary = _summaries[type];
        r.Details = _random.Next(3) == 0 ? Notes[_random.Next(Notes.Length)] : null;
        r.Significant = _random.Next(10) == 0;
        r.Verification = (_random.Next(100) < 85 ? Verification.Verified : Verification.Hearsay).ToString();
        var sensitive = _random.Next(30) == 0;
        r.Sensitivity = (sensitive ? SensitiveKinds[_random.Next(SensitiveKinds.Length)] : Sensitivity.None).ToString();
        r.SensitiveContact = sensitive ? "Duty desk of the recording agency, 01632 960000" : null;
        r.AttendancePercent = type == EventType.SchoolAttendance ? _random.Next(35, 101) : null;
        var visit = type is EventType.HomeVisit or EventType.ContactAttempt;
        var seen = type == EventType.HomeVisit;
        r.Planned = visit ? _random.Next(10) < 7 : null;
        r.Successful = visit ? seen : null;
        r.ChildSeen = visit ? seen : null;
        r.ChildSeenAlone = visit ? seen && _random.Next(2) == 0 : null;
        var police = type == EventType.PoliceIncident;
        r.ChildPresent = police ? _random.Next(10) < 6 : null;
        r.DomesticAbuse = police ? _random.Next(10) < 4 : null;
        return r;
    }

    private EventType PickType()
    {
        var x = _random.Next(_cumulative[^1]);
        var i = Array.BinarySearch(_cumulative, x + 1);
        return _types[i >= 0 ? i : ~i];
    }

    /// <summary>Any minute from birth (or 15 years ago, if later) to two days ago, in UTC as PostgreSQL wants.</summary>
    private DateTimeOffset Occurred(ChildRow child)
    {
        var end = _now.AddDays(-2);
        var start = end - TimeSpan.FromDays(365.25 * 15);
        if (child.DateOfBirth is { } dob)
        {
            var born = new DateTimeOffset(dob.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            start = born > start ? born : start;
            if (start >= end)
            {
                start = end.AddDays(-1);
            }
        }
        var minutes = (long)(end - start).TotalMinutes;
        return start.AddMinutes(_random.NextInt64(minutes + 1));
    }
}
