using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Sharing;

namespace ChildStory.Features.Referrals;

/// <summary>Every step of a referral in the child's story, under the agency that took it.</summary>
internal static class ReferralStory
{
    public static EventType TypeOf(ReferralStage stage) => stage switch
    {
        ReferralStage.Sent => EventType.ReferralMade,
        ReferralStage.Received => EventType.ReferralReceived,
        ReferralStage.Accepted => EventType.ReferralAccepted,
        ReferralStage.Declined => EventType.ReferralDeclined,
        ReferralStage.Allocated => EventType.ReferralAllocated,
        ReferralStage.FirstContact => EventType.ServiceFirstContact,
        ReferralStage.Closed => EventType.ReferralClosed,
        _ => EventType.ReferralWithdrawn,
    };

    public static Task WriteAsync(ChildStoryDbContext db, Referral r, Guid agencyId, Guid? practitionerId, string author, EventType type, string summary, bool significant, CancellationToken ct) =>
        FollowUpStory.WriteAsync(db, r.ChildId, agencyId, practitionerId, author, type, summary, significant, ct);
}
