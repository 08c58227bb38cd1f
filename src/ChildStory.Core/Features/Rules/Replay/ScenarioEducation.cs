using ChildStory.Domain.Education;

namespace ChildStory.Features.Rules.Replay;

/// <summary>The kinds of education fact a scenario records (docs/scenarios.md, "Education").</summary>
public enum ScenarioEducationKind
{
    Enrolment,
    Attendance,
    PartTimeTimetable,
    Exclusion,
    AlternativeProvision,
    Ehcp,
    HomeEducation,
    MissingEducation,
    Transport,
}

/// <summary>
/// An education fact in a scenario, recorded on <c>on</c> (a roll, a placement, a timetable, an exclusion, home education,
/// a missing-education episode, a transport arrangement's school start, an attendance period's end, an EHC request);
/// later changes happen on their own dates: <c>to</c> (ended), <c>issued</c>, <c>reviewed</c>, <c>lastContact</c>,
/// <c>inclusionReferral</c>, <c>transportStarted</c>.
/// </summary>
public sealed record ScenarioEducation(
    string Key, string Child, ScenarioEducationKind Kind, DateOnly On, string? Agency = null, DateOnly? To = null, decimal? Hours = null, bool? Registered = null,
    bool? MainEducation = null, Commissioner? CommissionedBy = null, DateOnly? PlannedEnd = null, DateOnly? LastContact = null, DateOnly? Reviewed = null,
    DateOnly? PeriodStart = null, int? Possible = null, int? Attended = null, ExclusionKind? Exclusion = null, DateOnly? InclusionReferral = null,
    DateOnly? Issued = null, string? NamedSetting = null, DateOnly? TransportStarted = null, string? Note = null)
{
    /// <summary>Kinds that belong to a school or provider and so need <c>agency</c>.</summary>
    public bool NeedsAgency => Kind is ScenarioEducationKind.Enrolment or ScenarioEducationKind.Attendance or ScenarioEducationKind.PartTimeTimetable
        or ScenarioEducationKind.Exclusion or ScenarioEducationKind.AlternativeProvision or ScenarioEducationKind.Transport;
}
