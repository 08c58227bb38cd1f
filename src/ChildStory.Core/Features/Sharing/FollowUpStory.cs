using ChildStory.Data;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Sharing;

/// <summary>
/// Writes each step of follow-through — shares, referrals, front-door contacts — into the child's story, so the
/// chronology shows who was told, who answered, who was chased and what was decided.
/// </summary>
internal static class FollowUpStory
{
    /// <summary>The author of steps ChildStory takes itself (chasing and escalating).</summary>
    public const string Automatic = "ChildStory (automatic follow-up)";

    public static async Task<ChronologyEvent> WriteAsync(ChildStoryDbContext db, Guid childId, Guid agencyId, Guid? practitionerId, string author,
        EventType type, string summary, bool significant, CancellationToken ct, DateTimeOffset? at = null)
    {
        var now = at ?? db.Time.GetUtcNow();
        var subject = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new EventSubject(p.GivenName, p.FamilyName, p.DateOfBirth, null, null, p.NhsNumber, p.Upn, null)).SingleAsync(ct);
        var e = ChronologyEvent.EnteredInChildStory(Guid.NewGuid(), agencyId, practitionerId ?? Guid.Empty, author, type, now, now,
            summary.Length <= 500 ? summary : summary[..497] + "…", subject, childId);
        e.Describe(null, significant, Verification.Verified, new EventFacts());
        db.ChronologyEvents.Add(e);
        return e;
    }
}
