using ChildStory.Domain.Partnership;
using ChildStory.Domain.Rules;

namespace ChildStory.Features.Rules.Library;

/// <summary>Rule 3: a child on a plan left with one agency, or losing their last health or education involvement.</summary>
public sealed class LastAgency(RuleSettings settings) : RuleBase(settings)
{
    private static readonly AgencyKind[] Health = [AgencyKind.Camhs, AgencyKind.SchoolNursing, AgencyKind.AcuteHospital];
    private static readonly AgencyKind[] Education = [AgencyKind.School, AgencyKind.AlternativeProvision];

    public override string Id => "last-agency";

    public override string Title => "A child on a plan left with one agency, or without health or education";

    public override string Source => "James: CAMHS closed at his request, school nursing closed for non-engagement and the school disengaged, leaving social care alone and paralysed";

    public override string Guidance => "Call a multi-agency meeting about the withdrawal; if the remaining agency disagrees, use resolution of professional differences.";

    public override AlertAudience Audience => AlertAudience.Managers;

    public override bool TimeDriven => true;

    protected override void Declare() => Int("LookBackDays", 30);

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        if (!child.OnPlan)
        {
            yield break;
        }
        var today = child.Today;
        var since = today.AddDays(-Int("LookBackDays", 30));
        // An involvement ending today has gone as far as this rule is concerned: the team needs to know today.
        var remaining = child.ActiveInvolvements.Where(i => i.EndedOn != today).ToList();
        var active = remaining.Where(i => i.Targeted).ToList();
        var ended = child.Involvements.Where(i => i.EndedOn is { } end && end <= today && end >= since).OrderByDescending(i => i.EndedOn).ToList();
        var agencies = active.Select(i => i.AgencyId).Distinct().Count();
        if (agencies <= 1 && ended.FirstOrDefault(i => i.Targeted && active.All(a => a.AgencyId != i.AgencyId)) is { } left)
        {
            yield return new Finding(Key("alone", left.Id),
                $"{left.Agency} ended its involvement on {left.EndedOn:d MMM yyyy}{(left.EndReason is null ? "" : $" ({left.EndReason})")}; {(agencies == 0 ? "no agency is" : $"only {active[0].Agency} is")} left working with a child on a plan.",
                [Evidence.Of(left), .. active.Select(Evidence.Of)]);
        }
        foreach (var (kinds, what) in new[] { (Health, "health"), (Education, "education") })
        {
            if (remaining.Any(i => kinds.Contains(i.AgencyKind)))
            {
                continue;
            }
            if (ended.FirstOrDefault(i => kinds.Contains(i.AgencyKind)) is { } lost)
            {
                yield return new Finding(Key(what, lost.Id), $"The child has lost their last {what} involvement: {lost.Agency} ended on {lost.EndedOn:d MMM yyyy}{(lost.EndReason is null ? "" : $" ({lost.EndReason})")}, while on a plan.",
                    [Evidence.Of(lost)]);
            }
        }
    }
}
