namespace ChildStory.Domain.Referrals;

public enum ServiceKind
{
    Camhs,
    DrugAndAlcohol,
    ChildExploitation,
    NeuroDevelopmentAssessment,
    Mentoring,
    InclusionProject,
    EarlyHelp,
    ChildrensSocialCare,
}

/// <summary>
/// A service children are referred to, run by a team, with the target time it promises for each step of a referral
/// (in working days from the step before) and for a "critical moment" fast track (in hours, day or night). Waiting
/// is measured against these targets per child and per service.
/// </summary>
public sealed class ReferralService
{
    private ReferralService() { }

    public ReferralService(Guid id, string name, ServiceKind kind, Guid agencyId, Guid teamId, ServiceTargets targets)
    {
        Id = id;
        Name = name;
        Kind = kind;
        AgencyId = agencyId;
        TeamId = teamId;
        SetTargets(targets);
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ServiceKind Kind { get; private set; }
    public Guid AgencyId { get; private set; }

    /// <summary>The team that receives, decides and allocates.</summary>
    public Guid TeamId { get; private set; }
    public int ReceiveDays { get; private set; }
    public int DecideDays { get; private set; }
    public int AllocateDays { get; private set; }
    public int FirstContactDays { get; private set; }
    public int FastTrackHours { get; private set; }
    public bool IsActive { get; private set; }

    public ServiceTargets Targets => new(ReceiveDays, DecideDays, AllocateDays, FirstContactDays, FastTrackHours);

    public void Update(string name, ServiceKind kind, Guid agencyId, Guid teamId, ServiceTargets targets, bool active)
    {
        Name = name;
        Kind = kind;
        AgencyId = agencyId;
        TeamId = teamId;
        SetTargets(targets);
        IsActive = active;
    }

    public void SetTargets(ServiceTargets t)
    {
        if (t.ReceiveDays < 0 || t.DecideDays < 0 || t.AllocateDays < 0 || t.FirstContactDays < 0 || t.FastTrackHours < 1)
        {
            throw new ArgumentException("Targets must be zero or more working days, and the fast track at least one hour.");
        }
        (ReceiveDays, DecideDays, AllocateDays, FirstContactDays, FastTrackHours) = (t.ReceiveDays, t.DecideDays, t.AllocateDays, t.FirstContactDays, t.FastTrackHours);
    }
}

/// <summary>A service's promises: working days for each step after the one before, and hours for a fast-tracked step.</summary>
public sealed record ServiceTargets(int ReceiveDays, int DecideDays, int AllocateDays, int FirstContactDays, int FastTrackHours);
