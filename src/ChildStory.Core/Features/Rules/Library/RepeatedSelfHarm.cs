using ChildStory.Domain.Chronology;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 2a: repeated self-harm, overdoses or A&amp;E attendances for self-harm within a window.</summary>
public sealed class RepeatedSelfHarm(RuleSettings settings) : RuleBase(settings)
{
    public override string Id => "repeated-self-harm";

    public override string Title => "Repeated self-harm, overdose or A&E attendance for self-harm";

    public override string Source => "James: three suicide attempts and repeated A&E attendances without a holistic health assessment (review, health findings; CCG action)";

    public override string Guidance => "Ask for a holistic health assessment bringing together the GP, CAMHS, A&E and school nursing; make sure the GP follows up within two weeks.";

    protected override void Declare()
    {
        Int("WindowDays", 180);
        Int("MinimumEpisodes", 2);
    }

    public static bool IsSelfHarm(FactEvent e) =>
        e.Type == EventType.OverdoseOrSelfHarm || (e.Type == EventType.EmergencyDepartmentAttendance && e.Has(Concern.SelfHarm | Concern.MentalHealth));

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var episodes = child.Within(TimeSpan.FromDays(Int("WindowDays", 180))).Where(IsSelfHarm).ToList();
        if (episodes.Count < Int("MinimumEpisodes", 2))
        {
            yield break;
        }
        var latest = episodes[^1];
        yield return new Finding(Key(latest.Id), $"{episodes.Count} episodes of self-harm or overdose in {Int("WindowDays", 180)} days, the latest on {latest.OccurredAt:d MMM yyyy}.",
            episodes.Select(Evidence.Of).ToList());
    }
}
