using ChildStory.Domain.Escalation;
using ChildStory.Features.Calendar;
using ChildStory.Features.Escalation;

namespace ChildStory.Tests.Escalation;

/// <summary>Stage due times on the partnership's working-day calendar, and the settings that stop start-up.</summary>
public sealed class StageTimingTests
{
    private static readonly WorkingTime Calendar = PartnershipCalendar.Build(
        BankHolidayFile.Shipped().ToDictionary(h => h.Date, h => h.Title), new CalendarOptions());

    private static DateTimeOffset Utc(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_first_stage_raised_on_23_December_2026_is_due_after_Christmas_Boxing_Day_and_New_Year_bank_holidays()
    {
        var stage = new EscalationOptions().Stage(1);
        Assert.Equal("Practitioner to practitioner", stage.Name);

        var due = Calendar.Due(Utc(2026, 12, 23, 10), stage.Rule);

        // 24 Dec, then 29, 30, 31 Dec (25 Dec and the Boxing Day substitute on 28 Dec are bank holidays), then 4 Jan (1 Jan is too).
        Assert.Equal(new DateOnly(2027, 1, 4), Calendar.DateOf(due.Due));
        Assert.Contains("Christmas", due.Explanation);
        Assert.Contains("New Year", due.Explanation);
    }

    [Fact]
    public void The_same_five_working_days_from_a_week_without_holidays_end_the_next_week()
    {
        var due = Calendar.Due(Utc(2026, 11, 16, 10), new EscalationOptions().Stage(1).Rule); // Monday
        Assert.Equal(new DateOnly(2026, 11, 23), Calendar.DateOf(due.Due));
    }

    [Fact]
    public void Moving_up_before_a_stage_is_due_needs_a_reason_and_is_recorded_as_early()
    {
        var raised = Utc(2026, 11, 16, 10);
        var difference = new ProfessionalDifference(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Sian Walker", Guid.NewGuid(), raised, "No strategy discussion",
            Guid.NewGuid(), null, "The child witnessed a stabbing", "Hold the strategy discussion this week", DifferenceLink.None, null, null);
        difference.Start("Practitioner to practitioner", Utc(2026, 11, 23, 17), "5 working days");

        var refused = difference.MoveUp(4, "Manager to manager", Utc(2026, 11, 25, 17), "2 working days", " ", Utc(2026, 11, 17, 9));
        Assert.Equal(["Reason"], refused.Error!.Fields.Keys);
        Assert.Equal(1, difference.CurrentStage);

        Assert.True(difference.MoveUp(4, "Manager to manager", Utc(2026, 11, 25, 17), "2 working days", "He is being groomed now", Utc(2026, 11, 17, 9)).Succeeded);
        Assert.Equal(2, difference.CurrentStage);
        Assert.True(difference.Stages[0].MovedUpEarly);
        Assert.Equal("He is being groomed now", difference.Stages[0].MoveUpReason);

        // Past its due time, an unanswered stage moves up without a reason, and not as "early".
        Assert.True(difference.MoveUp(4, "Senior manager", Utc(2026, 12, 2, 17), "5 working days", null, Utc(2026, 11, 26, 9)).Succeeded);
        Assert.False(difference.Stages[1].MovedUpEarly);
        Assert.Equal(3, difference.CurrentStage);
    }

    [Fact]
    public void A_bad_stage_setting_stops_start_up_naming_it()
    {
        var options = new EscalationOptions { Stages = [new() { Name = "Practitioner", ResponseTime = "five days" }, new() { Name = "", ResponseTime = "5 working days" }] };
        var result = new EscalationOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Escalation:Stages:0:ResponseTime", StringComparison.Ordinal));
        Assert.Contains("Escalation:Stages:1:Name is missing", result.Failures!);
        Assert.True(new EscalationOptionsValidator().Validate(null, new EscalationOptions()).Succeeded);
    }
}
