using ChildStory.Domain.Casework;
using ChildStory.Domain.Education;
using ChildStory.Features.Calendar;
using ChildStory.Features.Rules;
using ChildStory.Features.Rules.Library;
using Microsoft.Extensions.Configuration;

namespace ChildStory.Tests.Education;

/// <summary>
/// Each education rule on facts built by hand, the day before its boundary (silent) and the day after (raised) —
/// or, for working-day rules, across a weekend and a bank holiday.
/// </summary>
public sealed class EducationRuleTests
{
    private static readonly RuleSettings Defaults = new(new ConfigurationBuilder().Build());

    /// <summary>Monday 4 May 2026 is the early May bank holiday.</summary>
    private static readonly WorkingTime Calendar = new(new Dictionary<DateOnly, string> { [new DateOnly(2026, 5, 4)] = "Early May bank holiday" },
        new TimeOnly(9, 0), new TimeOnly(17, 0), TimeZoneInfo.Utc);

    private static DateTimeOffset Evening(DateOnly day) => new(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero);

    private static ChildFacts Facts(DateOnly today, EducationFacts education, IReadOnlyList<FactPlan>? plans = null, DateOnly? born = null) => new()
    {
        ChildId = Guid.NewGuid(),
        Name = "Test Child",
        DateOfBirth = born ?? new DateOnly(2012, 1, 1),
        Now = Evening(today),
        Calendar = Calendar,
        Events = [],
        Involvements = [],
        Relationships = [],
        Plans = plans ?? [],
        Referrals = [],
        Screenings = [],
        MaceDiscussions = [],
        Nrm = [],
        StrategyDiscussions = [],
        Education = education,
    };

    private static List<Finding> Run(ISafeguardingRule rule, ChildFacts facts) => rule.Evaluate(facts).ToList();

    private static readonly DateOnly Issued = new(2025, 11, 22);

    [Theory]
    [InlineData(2026, 11, 22, false)]
    [InlineData(2026, 11, 23, true)]
    public void An_ehc_plan_unreviewed_for_twelve_months_is_overdue_the_day_after(int y, int m, int d, bool raised)
    {
        var plan = new FactEhcp(Guid.NewGuid(), Issued.AddDays(-100), AssessmentDecision.Agreed, Issued, "Oak Special School", null, null);
        var findings = Run(new EhcpOverdue(Defaults), Facts(new DateOnly(y, m, d), new EducationFacts { Ehcps = [plan] }));
        Assert.Equal(raised, findings.Count == 1);
        if (raised)
        {
            Assert.Contains("never reviewed", findings[0].Summary);
            Assert.Equal(plan.Id, findings[0].Evidence[0].Id);
        }
    }

    [Fact]
    public void A_review_restarts_the_twelve_months_and_a_new_lapse_is_a_new_condition()
    {
        var reviewed = new FactEhcp(Guid.NewGuid(), Issued.AddDays(-100), AssessmentDecision.Agreed, Issued, "Oak", Issued.AddMonths(11), null);
        Assert.Empty(Run(new EhcpOverdue(Defaults), Facts(new DateOnly(2026, 12, 1), new EducationFacts { Ehcps = [reviewed] })));
        var lapsed = Run(new EhcpOverdue(Defaults), Facts(Issued.AddMonths(23).AddDays(1), new EducationFacts { Ehcps = [reviewed] }));
        var first = Run(new EhcpOverdue(Defaults), Facts(Issued.AddMonths(12).AddDays(1), new EducationFacts { Ehcps = [reviewed with { LastReviewOn = null }] }));
        Assert.NotEqual(Assert.Single(first).ConditionKey, Assert.Single(lapsed).ConditionKey);
    }

    [Theory]
    [InlineData(140, false)]
    [InlineData(141, true)]
    public void An_ehc_plan_not_issued_within_twenty_weeks_of_the_request_is_overdue(int days, bool raised)
    {
        var requested = new DateOnly(2026, 1, 5);
        var plan = new FactEhcp(Guid.NewGuid(), requested, AssessmentDecision.Agreed, null, null, null, null);
        Assert.Equal(raised, Run(new EhcpOverdue(Defaults), Facts(requested.AddDays(days), new EducationFacts { Ehcps = [plan] })).Count == 1);
        var refused = plan with { Decision = AssessmentDecision.Refused };
        Assert.Empty(Run(new EhcpOverdue(Defaults), Facts(requested.AddDays(200), new EducationFacts { Ehcps = [refused] })));
    }

    private static readonly DateOnly Today = new(2026, 3, 10);

    private static FactEnrolment Roll(DateOnly from, DateOnly? to = null, string school = "Hill School") => new(Guid.NewGuid(), Guid.NewGuid(), school, from, to, true);

    [Fact]
    public void A_child_on_a_plan_on_a_part_time_timetable_or_attending_below_ninety_percent_is_not_in_full_time_education()
    {
        var plan = new FactPlan(Guid.NewGuid(), PlanKind.ChildInNeed, Today.AddDays(-30), null);
        var roll = Roll(new DateOnly(2025, 9, 1));
        var rule = new NotInFullTimeEducation(Defaults);
        var timetable = new FactTimetable(Guid.NewGuid(), roll.SchoolId, 10, Today.AddDays(-14), Today.AddDays(28), null, null);
        Assert.Contains("part-time", Assert.Single(Run(rule, Facts(Today, new EducationFacts { Enrolments = [roll], Timetables = [timetable] }, [plan]))).Summary);

        FactAttendance Attended(int attended) => new(Guid.NewGuid(), roll.SchoolId, Today.AddDays(-20), Today.AddDays(-14), 100, attended);
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Enrolments = [roll], Attendance = [Attended(90)] }, [plan])));
        Assert.Contains("89%", Assert.Single(Run(rule, Facts(Today, new EducationFacts { Enrolments = [roll], Attendance = [Attended(89)] }, [plan]))).Summary);
        // Without a plan or an EHC plan the rule is silent; a team-around-the-child plan does not count.
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Enrolments = [roll], Attendance = [Attended(10)] })));
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Enrolments = [roll], Attendance = [Attended(10)] }, [plan with { Kind = PlanKind.TeamAroundTheChild }])));
    }

    [Fact]
    public void A_child_with_an_ehc_plan_on_no_roll_is_not_in_full_time_education_but_home_education_is_left_to_its_own_rule()
    {
        var ehcp = new FactEhcp(Guid.NewGuid(), new DateOnly(2024, 1, 1), AssessmentDecision.Agreed, new DateOnly(2024, 5, 1), "Oak", new DateOnly(2025, 5, 1), null);
        var rule = new NotInFullTimeEducation(Defaults);
        Assert.Contains("no school roll", Assert.Single(Run(rule, Facts(Today, new EducationFacts { Ehcps = [ehcp], Enrolments = [Roll(new DateOnly(2024, 9, 1), Today.AddDays(-1))] }))).Summary);
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Ehcps = [ehcp], Enrolments = [Roll(new DateOnly(2024, 9, 1))] })));
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Ehcps = [ehcp], HomeEducation = [new FactHomeEducation(Guid.NewGuid(), Today.AddDays(-5), null, null)] })));
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { Ehcps = [ehcp] }, born: new DateOnly(2008, 1, 1))));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void A_part_time_timetable_past_its_planned_end_is_raised_the_day_after(int daysAfter, bool raised)
    {
        var end = new DateOnly(2026, 2, 13);
        var timetable = new FactTimetable(Guid.NewGuid(), Guid.NewGuid(), 12, new DateOnly(2026, 1, 5), end, null, null);
        Assert.Equal(raised, Run(new PartTimeOverrun(Defaults), Facts(end.AddDays(daysAfter), new EducationFacts { Timetables = [timetable] })).Count == 1);
        Assert.Empty(Run(new PartTimeOverrun(Defaults), Facts(end.AddDays(5), new EducationFacts { Timetables = [timetable with { EndedOn = end }] })));
    }

    private static FactPlacement Placement(DateOnly from, decimal hours = 10, bool registered = true, bool main = true, DateOnly? contact = null, DateOnly? review = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Bridge Project", registered, Commissioner.School, hours, main, from, null, 7, contact, review);

    [Theory]
    [InlineData(70, false)]
    [InlineData(71, true)]
    public void Alternative_provision_as_main_education_unreviewed_after_ten_weeks_is_raised(int days, bool raised)
    {
        var from = new DateOnly(2026, 1, 5);
        Assert.Equal(raised, Run(new ApUnreviewed(Defaults), Facts(from.AddDays(days), new EducationFacts { Placements = [Placement(from)] })).Count == 1);
        Assert.Empty(Run(new ApUnreviewed(Defaults), Facts(from.AddDays(days), new EducationFacts { Placements = [Placement(from, main: false)] })));
        Assert.Empty(Run(new ApUnreviewed(Defaults), Facts(from.AddDays(days), new EducationFacts { Placements = [Placement(from, review: from.AddDays(60))] })));
    }

    [Theory]
    [InlineData(24.5, false, false)]
    [InlineData(25, false, true)]
    [InlineData(30, true, false)]
    public void Only_a_full_time_place_at_an_unregistered_provider_is_unlawful(double hours, bool registered, bool raised)
    {
        var placement = Placement(Today.AddDays(-1), (decimal)hours, registered);
        Assert.Equal(raised, Run(new ApUnregisteredFullTime(Defaults), Facts(Today, new EducationFacts { Placements = [placement] })).Count == 1);
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    public void A_provider_not_contacted_within_a_week_is_raised(int daysSinceContact, bool raised)
    {
        var placement = Placement(new DateOnly(2026, 1, 5), contact: Today.AddDays(-daysSinceContact));
        Assert.Equal(raised, Run(new ApNotContacted(Defaults), Facts(Today, new EducationFacts { Placements = [placement] })).Count == 1);
    }

    [Fact]
    public void A_permanent_exclusion_without_an_inclusion_referral_is_raised_after_five_working_days_not_counting_a_bank_holiday()
    {
        // Excluded Wednesday 29 April 2026: Thursday, Friday, (bank holiday Monday), Tuesday, Wednesday, Thursday 7 May is the fifth working day.
        var excluded = new DateOnly(2026, 4, 29);
        var exclusion = new FactExclusion(Guid.NewGuid(), Guid.NewGuid(), ExclusionKind.Permanent, excluded, null);
        var rule = new ExclusionNoInclusionReferral(Defaults);
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 6), new EducationFacts { Exclusions = [exclusion] })));
        Assert.Single(Run(rule, Facts(new DateOnly(2026, 5, 7), new EducationFacts { Exclusions = [exclusion] })));
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 7), new EducationFacts { Exclusions = [exclusion with { InclusionReferralOn = excluded.AddDays(2) }] })));
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 7), new EducationFacts { Exclusions = [exclusion with { Kind = ExclusionKind.Suspension }] })));
    }

    [Fact]
    public void Home_education_is_raised_for_a_child_with_a_plan_an_ehc_plan_or_complex_needs_and_not_otherwise()
    {
        var home = new FactHomeEducation(Guid.NewGuid(), Today.AddDays(-1), null, null);
        var rule = new HomeEducationVulnerable(Defaults);
        Assert.Empty(Run(rule, Facts(Today, new EducationFacts { HomeEducation = [home] })));
        Assert.Contains("child protection plan", Assert.Single(Run(rule, Facts(Today, new EducationFacts { HomeEducation = [home] },
            [new FactPlan(Guid.NewGuid(), PlanKind.ChildProtection, Today.AddDays(-100), null)]))).Summary);
        Assert.Contains("complex needs", Assert.Single(Run(rule, Facts(Today, new EducationFacts { HomeEducation = [home], OnRegisterSince = Evening(Today.AddDays(-50)) }))).Summary);
        var ehcp = new FactEhcp(Guid.NewGuid(), Today.AddDays(-30), null, null, null, null, null);
        Assert.Contains("EHC needs assessment", Assert.Single(Run(rule, Facts(Today, new EducationFacts { HomeEducation = [home], Ehcps = [ehcp] }))).Summary);
    }

    [Fact]
    public void A_child_missing_education_is_raised_while_the_episode_lasts()
    {
        var missing = new FactMissingEducation(Guid.NewGuid(), Today.AddDays(-3), null);
        Assert.Single(Run(new MissingEducationRule(Defaults), Facts(Today, new EducationFacts { MissingEducation = [missing] })));
        Assert.Empty(Run(new MissingEducationRule(Defaults), Facts(Today, new EducationFacts { MissingEducation = [missing with { EndedOn = Today.AddDays(-1) }] })));
    }

    [Fact]
    public void A_school_move_without_an_acknowledged_transfer_packet_is_raised_after_five_working_days()
    {
        // Joined Friday 1 May 2026; Tuesday 5 to Friday 8 May and Monday 11 May: due close of Monday 11 May (bank holiday Monday 4 May not counted).
        var old = Roll(new DateOnly(2024, 9, 2), new DateOnly(2026, 4, 30), "Old School");
        var joined = Roll(new DateOnly(2026, 5, 1), school: "New School");
        var rule = new TransferNoHandover(Defaults);
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 10), new EducationFacts { Enrolments = [old, joined] })));
        var finding = Assert.Single(Run(rule, Facts(new DateOnly(2026, 5, 11), new EducationFacts { Enrolments = [old, joined] })));
        Assert.Contains("Old School to New School", finding.Summary);
        var acknowledged = new FactTransfer(Guid.NewGuid(), joined.SchoolId, Evening(new DateOnly(2026, 4, 28)), Evening(new DateOnly(2026, 5, 5)));
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 11), new EducationFacts { Enrolments = [old, joined], Transfers = [acknowledged] })));
        var unacknowledged = acknowledged with { AcknowledgedAt = null };
        Assert.Single(Run(rule, Facts(new DateOnly(2026, 5, 11), new EducationFacts { Enrolments = [old, joined], Transfers = [unacknowledged] })));
        // A first school is not a transfer.
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 6, 1), new EducationFacts { Enrolments = [joined] })));
    }

    [Fact]
    public void Transport_not_in_place_three_working_days_after_the_place_starts_is_raised()
    {
        // Place starts Thursday 30 April 2026: Friday 1, (bank holiday Monday 4), Tuesday 5, Wednesday 6 May is the third working day.
        var transport = new FactTransport(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 4, 30), null);
        var rule = new TransportNotInPlace(Defaults);
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 5), new EducationFacts { Transport = [transport] })));
        Assert.Single(Run(rule, Facts(new DateOnly(2026, 5, 6), new EducationFacts { Transport = [transport] })));
        Assert.Empty(Run(rule, Facts(new DateOnly(2026, 5, 6), new EducationFacts { Transport = [transport with { TransportStartedOn = new DateOnly(2026, 5, 5) }] })));
    }
}
