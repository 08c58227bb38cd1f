using ChildStory.Domain.Chronology;
using ChildStory.Domain.Rules;
using ChildStory.Features.Calendar;

namespace ChildStory.Features.Rules.Library;

/// <summary>
/// Something is stuck and nobody has escalated: a strategy discussion not held in time after a serious police
/// incident, no police report to children's services about a child who was there, an agreed action (a mentor,
/// school transport, a special school place) overdue, a referral waiting past its target, an agency withdrawing and
/// leaving one agency alone. Each finding offers the partnership's resolution of professional differences with the
/// evidence pre-filled. The escalation opportunities Child B's reviewers listed, and James's "under used" escalation.
/// </summary>
public sealed class EscalationOffered(RuleSettings settings) : RuleBase(settings)
{
    public const string RuleId = "escalation-offered";

    public override string Id => RuleId;

    public override string Title => "Something is stuck: raise a professional difference";

    public override string Source => "Child B: 'Professionals from all organisations must escalate when things do not happen as they should' (strategy discussion delay, transport, mentoring, no police report); James Rec. 1: escalation 'under used'";

    public override string Guidance => "Raise a professional difference with the agency concerned (resolution of professional differences). If the child is at immediate risk of significant harm, call the police on 999 and arrange a strategy discussion now instead.";

    public override AlertAudience Audience => AlertAudience.LeadProfessional;

    public override bool TimeDriven => true;

    protected override void Declare()
    {
        Int("StrategyDiscussionWorkingDays", 3);
        Int("PoliceReportWorkingDays", 1);
        Int("ActionGraceWorkingDays", 5);
        Int("LookBackDays", 60);
    }

    public override IEnumerable<Finding> Evaluate(ChildFacts child)
    {
        var since = child.Now.AddDays(-Int("LookBackDays", 60));
        var calendar = child.Calendar;
        foreach (var incident in child.Events.Where(e => e.Type == EventType.PoliceIncident && e.Significant && e.OccurredAt >= since))
        {
            var strategyDue = calendar.Due(incident.OccurredAt, DeadlineRule.WorkingDays(Int("StrategyDiscussionWorkingDays", 3))).Due;
            if (child.Now > strategyDue && !child.StrategyDiscussions.Any(s => s.Held && s.At >= incident.OccurredAt && s.At <= strategyDue))
            {
                yield return new Finding(Key("strategy", incident.Id),
                    $"No strategy discussion was held within {Days(Int("StrategyDiscussionWorkingDays", 3))} working days of a serious police incident on {incident.OccurredAt:d MMM yyyy}: escalate the delay.",
                    [Evidence.Of(incident)]);
            }
            var reportDue = calendar.Due(incident.OccurredAt, DeadlineRule.WorkingDays(Int("PoliceReportWorkingDays", 1))).Due;
            var reported = child.Events.Any(e => e.OccurredAt >= incident.OccurredAt && e.OccurredAt <= reportDue
                && ((e.Type == EventType.InformationShared && e.AgencyKind == Domain.Partnership.AgencyKind.Police) || e.Type == EventType.FrontDoorContact));
            if (incident.Facts.ChildPresent == true && child.Now > reportDue && !reported)
            {
                yield return new Finding(Key("police-report", incident.Id),
                    $"The child was at a serious police incident on {incident.OccurredAt:d MMM yyyy} and no police report reached children's services within {Days(Int("PoliceReportWorkingDays", 1))} working day(s): escalate with the police.",
                    [Evidence.Of(incident)]);
            }
        }
        foreach (var action in child.Actions.Where(a => a.Open))
        {
            var late = calendar.Due(new DateTimeOffset(action.DueOn.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero), DeadlineRule.WorkingDays(Int("ActionGraceWorkingDays", 5))).Due;
            if (child.Now > late && late >= since)
            {
                yield return new Finding(Key("action", action.Id),
                    $"“{action.Description}” ({action.Owner}) was due on {action.DueOn:d MMM yyyy} and has not happened: escalate with the agency responsible.",
                    [new Evidence("Action", action.Id, $"Agreed action: {action.Description}", action.AgreedAt)]);
            }
        }
        foreach (var referral in child.Referrals.Where(r => r.NextDueAt is { } due && due < child.Now && due >= since))
        {
            yield return new Finding(Key("referral", referral.Id, referral.Stage),
                $"The referral to {referral.Service} is waiting past its target ({referral.Stage}, due {referral.NextDueAt:d MMM yyyy}): escalate with the service.",
                [new Evidence("Referral", referral.Id, $"Referral to {referral.Service}", referral.SentAt)]);
        }
        if (child.OnPlan)
        {
            var today = child.Today;
            var active = child.ActiveInvolvements.Where(i => i.Targeted && i.EndedOn != today).ToList();
            var agencies = active.Select(i => i.AgencyId).Distinct().Count();
            foreach (var left in child.Involvements.Where(i => i.Targeted && i.EndedOn is { } end && end <= today && end >= DateOnly.FromDateTime(since.UtcDateTime)
                && active.All(a => a.AgencyId != i.AgencyId)))
            {
                if (agencies <= 1)
                {
                    yield return new Finding(Key("alone", left.Id),
                        $"{left.Agency} withdrew on {left.EndedOn:d MMM yyyy}, leaving {(agencies == 0 ? "no agency" : active[0].Agency + " alone")} with a child on a plan: the remaining agency can escalate the withdrawal through the partnership.",
                        [Evidence.Of(left), .. active.Select(Evidence.Of)]);
                }
            }
        }
    }
}
