using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 14: a significant event at a weekend or on a bank holiday for a child on a plan goes to the out-of-hours team.</summary>
public sealed class OutOfHoursSignificant(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "out-of-hours-significant";

    public override string Title => "A significant event at a weekend or on a bank holiday for a child on a plan";

    public override string Source => "James: crises at weekends waited for Monday; MISSION principle 6 (time is a safeguarding fact)";

    public override string Guidance => "The emergency duty team reviews it now; the allocated worker picks it up on the next working day.";

    public override AlertAudience Audience => AlertAudience.OutOfHours;

    protected override void Declare() => Int("LookBackDays", 3);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        if (!child.OnPlan)
        {
            yield break;
        }
        foreach (var e in child.Within(TimeSpan.FromDays(Int("LookBackDays", 3))).Where(e => e.Significant && !child.Calendar.IsWorkingDay(child.Calendar.DateOf(e.OccurredAt))))
        {
            var day = child.Calendar.DateOf(e.OccurredAt);
            yield return new Finding(Key(e.Id), $"{Domain.Chronology.EventTypes.Describe(e.Type)} on {(child.Calendar.HolidayOn(day) ?? day.DayOfWeek.ToString())} {day:d MMM yyyy}: {e.Summary}",
                [Evidence.Of(e)]);
        }
    }
}
