using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 2b: a GP follow-up is due within two weeks of discharge for mental health, or of closure to CAMHS after an overdose.</summary>
public sealed class GpFollowUp(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "gp-follow-up";

    public override string Title => "No GP follow-up within two weeks of a mental-health discharge or a CAMHS closure after an overdose";

    public override string Source => "James, CCG action: GP follow-up within 2 weeks of A&E or hospital discharge for mental health, or after closure to CAMHS following an overdose";

    public override string Guidance => "Ask the GP practice to see the child now and record the follow-up; tell the lead professional.";

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("FollowUpDays", 14);
        Int("LookBackDays", 60);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("FollowUpDays", 14);
        var overdoses = child.Events.Where(e => e.Type == EventType.OverdoseOrSelfHarm).ToList();
        var since = child.Now.AddDays(-Int("LookBackDays", 60));
        var triggers = child.Events.Where(e => e.OccurredAt >= since).Where(e =>
            e.Type == EventType.OverdoseOrSelfHarm
            || (e.Type is EventType.HospitalDischarge or EventType.EmergencyDepartmentAttendance && e.Has(Concern.MentalHealth | Concern.SelfHarm))
            || (e.Type == EventType.CamhsClosure && overdoses.Any(o => o.OccurredAt <= e.OccurredAt && o.OccurredAt >= e.OccurredAt.AddDays(-365))));
        foreach (var trigger in triggers)
        {
            var due = trigger.OccurredAt.AddDays(days);
            if (child.Now <= due)
            {
                continue;
            }
            var seen = child.Events.Any(e => e.Type == EventType.GpAppointmentAttended && e.OccurredAt >= trigger.OccurredAt && e.OccurredAt <= due);
            if (!seen)
            {
                yield return new Finding(Key(trigger.Id), $"No GP appointment attended within {Days(days)} of the {EventTypes.Describe(trigger.Type).ToLowerInvariant()} on {trigger.OccurredAt:d MMM yyyy}.",
                    [Evidence.Of(trigger)]);
            }
        }
    }
}
