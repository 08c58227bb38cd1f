using ChildStory.Domain.Referrals;
using ChildStory.Features.Calendar;

namespace ChildStory.Features.Referrals;

/// <summary>
/// When a referral's next step is due: the service's target for that step in working days from the step before,
/// or — once a critical moment is marked — its fast-track hours, day or night. First contact to closing has no target.
/// </summary>
internal static class ReferralClock
{
    public static Deadline? NextDue(Referral referral, ReferralService service, WorkingTime working, DateTimeOffset from)
    {
        if (!referral.IsOpen || referral.NextStage is not { } next || next == ReferralStage.Closed)
        {
            return null;
        }
        var step = next switch
        {
            ReferralStage.Received => "to be received",
            ReferralStage.Accepted => "for a decision (accept or decline)",
            ReferralStage.Allocated => "to be allocated to a worker",
            _ => "for first contact with the child",
        };
        if (referral.CriticalMomentAt is not null)
        {
            var fast = working.Due(from, DeadlineRule.CalendarHours(service.FastTrackHours));
            return fast with { Explanation = $"Critical moment: {service.Name} fast-tracks each step to {service.FastTrackHours} hours. Next: {step}. {fast.Explanation}" };
        }
        var days = next switch
        {
            ReferralStage.Received => service.ReceiveDays,
            ReferralStage.Accepted => service.DecideDays,
            ReferralStage.Allocated => service.AllocateDays,
            _ => service.FirstContactDays,
        };
        var due = working.Due(from, DeadlineRule.WorkingDays(days));
        return due with { Explanation = $"{service.Name}'s target {step}: {DeadlineRule.WorkingDays(days).Describe()}. {due.Explanation}" };
    }
}
