using ChildStory.Domain.Casework;

namespace ChildStory.Features.Rules.Library;

/// <summary>
/// Rule 13b: a child with an EHC plan, or on a child in need or child protection plan, who is not in full-time
/// education: of school age and on no roll (and not home educated or in full-time provision), on a part-time
/// timetable, missing education, or attending less than the persistent-absence line (DfE: below 90%).
/// </summary>
public sealed class NotInFullTimeEducation(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "not-in-full-time-education";

    public override string Title => "A child with an EHC plan, or on a child in need or child protection plan, not in full-time education";

    public override string Source => "James: \"Despite being on the roll of School A until March 2021 he did not attend school for nearly all his secondary school career\"";

    public override string Guidance => "Agree with the school on roll and the local authority who is accountable for the child's education, and a plan back to full-time education; review it at the next plan meeting.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("AttendancePercent", 90);
        Int("RecentDays", 60);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var line = Int("AttendancePercent", 90);
        var recent = Int("RecentDays", 60);
        var today = child.Today;
        var ed = child.Education;
        var plan = child.Plans.FirstOrDefault(p => p.ActiveOn(today) && p.Kind is PlanKind.ChildInNeed or PlanKind.ChildProtection);
        var ehcp = ed.Ehcps.FirstOrDefault(p => p.InForceOn(today));
        if ((plan is null && ehcp is null) || child.AgeInYears(child.Now) is < 5 or >= 16)
        {
            yield break;
        }
        var why = plan is not null ? $"on a {(plan.Kind == PlanKind.ChildProtection ? "child protection" : "child in need")} plan" : "with an EHC plan";
        var basis = new List<Evidence>();
        if (plan is not null)
        {
            basis.Add(new Evidence("Plan", plan.Id, plan.Kind == PlanKind.ChildProtection ? "Child protection plan" : "Child in need plan", EducationEvidence.At(plan.StartedOn)));
        }
        if (ehcp is not null)
        {
            basis.Add(EducationEvidence.Ehcp(ehcp, "EHC plan", ehcp.IssuedOn!.Value));
        }
        if (ed.MissingEducation.FirstOrDefault(m => m.ActiveOn(today)) is { } missing)
        {
            yield return new Finding(Key(missing.Id), $"A child {why} is missing education (since {missing.StartedOn:d MMM yyyy}).",
                [.. basis, new Evidence("MissingEducation", missing.Id, "Child missing education", EducationEvidence.At(missing.StartedOn))]);
            yield break;
        }
        if (ed.Timetables.FirstOrDefault(t => t.ActiveOn(today)) is { } timetable)
        {
            yield return new Finding(Key(timetable.Id), $"A child {why} is on a part-time timetable ({timetable.HoursPerWeek:0.#} hours a week since {timetable.StartedOn:d MMM yyyy}).",
                [.. basis, EducationEvidence.Timetable(timetable)]);
            yield break;
        }
        var roll = ed.Enrolments.LastOrDefault(e => e.OnRollOn(today));
        var fullTimeProvision = ed.Placements.Any(p => p.ActiveOn(today) && p.FullTime && p.Registered);
        if (roll is null && !fullTimeProvision && !ed.HomeEducation.Any(h => h.ActiveOn(today)))
        {
            var part = ed.Placements.Where(p => p.ActiveOn(today)).ToList();
            yield return new Finding(Key("no-roll", plan?.Id ?? ehcp!.Id, string.Join(",", part.Select(p => p.Id))),
                part.Count == 0 ? $"A child {why} is on no school roll and in no education." : $"A child {why} is on no school roll; only part-time alternative provision ({part.Sum(p => p.HoursPerWeek):0.#} hours a week).",
                [.. basis, .. part.Select(EducationEvidence.Placement)]);
            yield break;
        }
        var attendance = ed.Attendance.LastOrDefault(a => a.PeriodEnd >= today.AddDays(-recent) && a.Possible > 0);
        if (attendance is not null && attendance.Percent < line)
        {
            yield return new Finding(Key(attendance.Id), $"A child {why} attended {attendance.Percent:0}% of sessions ({attendance.PeriodStart:d MMM} to {attendance.PeriodEnd:d MMM yyyy}).",
                [.. basis, .. roll is null ? Array.Empty<Evidence>() : [EducationEvidence.Enrolment(roll)], EducationEvidence.Attendance(attendance)]);
        }
    }
}

/// <summary>Rule 13c: a part-time timetable still running after its planned end date.</summary>
public sealed class PartTimeOverrun(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "part-time-overrun";

    public override string Title => "A part-time timetable past its planned end";

    public override string Source => "James: \"There was an over reliance on part time unregistered alternative provision\"; DfE: part-time timetables are temporary, with a planned end";

    public override string Guidance => "Review the timetable with the child and family now: return to full-time, or record why not and a new end date.";

    public override Domain.Rules.AlertAudience Audience => Domain.Rules.AlertAudience.Team;

    public override bool TimeDriven => true;

    protected override void Declare() { }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        foreach (var t in child.Education.Timetables.Where(t => t.ActiveOn(child.Today) && child.Today > t.PlannedEndOn))
        {
            yield return new Finding(Key(t.Id, t.PlannedEndOn), $"A part-time timetable ({t.HoursPerWeek:0.#} hours a week) was to end on {t.PlannedEndOn:d MMM yyyy} and is still running.",
                [EducationEvidence.Timetable(t)]);
        }
    }
}
