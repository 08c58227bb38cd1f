namespace ChildStory.Features.Rules.Library;

/// <summary>
/// Rule 13a: an EHC plan not issued within 20 weeks of the request for assessment (SEND Code of Practice 9.40), or
/// not reviewed within 12 months of its issue or last annual review (Children and Families Act 2014, s44).
/// </summary>
public sealed class EhcpOverdue(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "ehcp-overdue";

    public override string Title => "An EHC plan overdue: not issued within 20 weeks of the request, or its annual review missed";

    public override string Source => "James: \"having agreed in November 2017 that James's needs would be best met in specialist provision it was not identified nor the EHCP reviewed until March 2021\"";

    public override string Guidance => "Ask the SEND team to hold the annual review (or issue the plan) now, with the school, health and social care, and to name a setting that can meet the child's needs.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("IssueWeeks", 20);
        Int("ReviewMonths", 12);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var issueWeeks = Int("IssueWeeks", 20);
        var reviewMonths = Int("ReviewMonths", 12);
        foreach (var plan in child.Education.Ehcps.Where(p => p.CeasedOn is null || p.CeasedOn >= child.Today))
        {
            if (plan.IssuedOn is null && plan.Decision != Domain.Education.AssessmentDecision.Refused)
            {
                var due = plan.RequestedOn.AddDays(7 * issueWeeks);
                if (child.Today > due)
                {
                    yield return new Finding(Key(plan.Id, "issue"),
                        $"EHC needs assessment requested on {plan.RequestedOn:d MMM yyyy}; no plan issued by {due:d MMM yyyy} ({issueWeeks} weeks).",
                        [EducationEvidence.Ehcp(plan, "EHC needs assessment requested", plan.RequestedOn)]);
                }
                continue;
            }
            if (plan.IssuedOn is not { } issued)
            {
                continue;
            }
            var last = plan.LastReviewOn ?? issued;
            var reviewDue = last.AddMonths(reviewMonths);
            if (child.Today > reviewDue)
            {
                yield return new Finding(Key(plan.Id, "review", last),
                    plan.LastReviewOn is null
                        ? $"EHC plan issued on {issued:d MMM yyyy} naming {plan.NamedSetting ?? "no setting"}; never reviewed, annual review due by {reviewDue:d MMM yyyy}."
                        : $"EHC plan last reviewed on {last:d MMM yyyy}; annual review due by {reviewDue:d MMM yyyy} not held.",
                    [EducationEvidence.Ehcp(plan, plan.LastReviewOn is null ? "EHC plan issued" : "EHC plan last reviewed", last)]);
            }
        }
    }
}

/// <summary>Evidence for education findings, named so a reader knows what each is.</summary>
internal static class EducationEvidence
{
    public static string PlanName(Domain.Casework.PlanKind kind) => kind switch
    {
        Domain.Casework.PlanKind.ChildInNeed => "Child in need plan",
        Domain.Casework.PlanKind.ChildProtection => "Child protection plan",
        Domain.Casework.PlanKind.TeamAroundTheChild => "Team around the child plan",
        Domain.Casework.PlanKind.Safety => "Safety plan",
        _ => "Transition plan",
    };

    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static Evidence Ehcp(FactEhcp plan, string what, DateOnly on) => new("EhcPlan", plan.Id, $"{what}{(plan.NamedSetting is { } s ? $" (names {s})" : "")}", At(on));

    public static Evidence Placement(FactPlacement p) => new("ApPlacement", p.Id,
        $"Alternative provision at {p.Provider} ({(p.Registered ? "registered" : "unregistered")}, {p.HoursPerWeek:0.#} hours a week)", At(p.StartedOn));

    public static Evidence Timetable(FactTimetable t) => new("PartTimeTimetable", t.Id, $"Part-time timetable, {t.HoursPerWeek:0.#} hours a week, planned to end {t.PlannedEndOn:d MMM yyyy}",
        At(t.StartedOn));

    public static Evidence Enrolment(FactEnrolment e) => new("Enrolment", e.Id, $"On the roll of {e.School}", At(e.StartedOn));

    public static Evidence Attendance(FactAttendance a) => new("Attendance", a.Id, $"Attendance {a.Percent:0}% ({a.Attended} of {a.Possible} sessions), {a.PeriodStart:d MMM} to {a.PeriodEnd:d MMM yyyy}",
        At(a.PeriodEnd));
}
