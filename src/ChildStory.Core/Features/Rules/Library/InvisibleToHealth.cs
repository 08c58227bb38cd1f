using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 8b: a child known to targeted services with no health contact for a year.</summary>
public sealed class InvisibleToHealth(RuleSettings settings) : RuleBase(settings)
{
    private static readonly EventType[] HealthTypes =
        [EventType.GpAppointmentAttended, EventType.EmergencyDepartmentAttendance, EventType.HospitalAdmission, EventType.CamhsContact, EventType.CamhsAssessment];
    private static readonly AgencyKind[] HealthAgencies = [AgencyKind.GeneralPractice, AgencyKind.AcuteHospital, AgencyKind.Camhs, AgencyKind.SchoolNursing];

    public override string Id => "invisible-to-health";

    public override string Title => "Invisible to health: no health contact for a year";

    public override string Source => "Child B and Child Three: a family invisible to health services while other agencies were involved";

    public override string Guidance => "Ask the GP and school nursing to offer a health review; check the child is registered with a GP.";

    public override bool TimeDriven => true;

    protected override void Declare() => Int("Days", 365);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var days = Int("Days", 365);
        var involvedSince = child.ActiveInvolvements.Where(i => i.Targeted).Select(i => (DateOnly?)i.StartedOn).Min();
        if (involvedSince is null || child.Today.DayNumber - involvedSince.Value.DayNumber < days)
        {
            yield break;
        }
        var last = child.Events.Where(e => (HealthTypes.Contains(e.Type) || HealthAgencies.Contains(e.AgencyKind)) && e.Facts.ChildSeen != false).LastOrDefault();
        if (last is not null && child.Now - last.OccurredAt <= TimeSpan.FromDays(days))
        {
            yield break;
        }
        yield return new Finding(Key(last?.Id.ToString() ?? "none"),
            last is null ? $"No health contact recorded in the last {Days(days)}, while targeted services are involved." : $"No health contact since {last.OccurredAt:d MMM yyyy}.",
            last is null ? child.ActiveInvolvements.Where(i => i.Targeted).Select(Evidence.Of).ToList() : [Evidence.Of(last)]);
    }
}
