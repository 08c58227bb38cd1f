using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>
/// "Critical moment": the child says they are ready to engage. Anyone working with the child marks it on an open
/// referral with what the child said; from then on each step is due within the service's fast-track hours, the
/// service's team is told at once, a miss is escalated, and the moment is a significant entry in the child's story.
/// </summary>
public sealed class MarkCriticalMoment(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid referralId, string? note, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } me || actor.AgencyId is not { } agencyId)
        {
            return Error.Forbidden("Only a practitioner can mark a critical moment");
        }
        var referral = await db.Referrals.Include(r => r.Service).SingleOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null || !await access.CanSeeAsync(actor, referral.ChildId, ct))
        {
            return Error.NotFound("Referral");
        }
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("CriticalNote", "Say what the child said or did that shows they are ready to engage now");
        }
        var now = db.Time.GetUtcNow();
        var marked = referral.MarkCriticalMoment(text, now);
        if (!marked.Succeeded)
        {
            return marked.Error!;
        }
        var service = referral.Service!;
        var working = await calendar.GetAsync(db, ct);
        var due = ReferralClock.NextDue(referral, service, working, now);
        referral.SetNextDue(due?.Due, due?.Explanation);
        await ReferralStory.WriteAsync(db, referral, agencyId, me, actor.Name, EventType.CriticalMoment,
            $"Critical moment for the referral to {service.Name}: {text}.{(due is null ? "" : $" Fast-tracked: next step due {working.Describe(due.Due)}")}", true, ct);
        var team = await ShareParties.TeamAsync(db, service.TeamId, ct);
        notify.Tell(team, referral.ChildId, $"Critical moment: fast-track referral to {service.Name}", $"Marked by {actor.Name}: {text}", $"/referrals/{referral.Id}");
        db.Audit(AuditActions.ReferralMoved, referral.ChildId, subject: $"Referral:{referral.Id}", detail: "{\"criticalMoment\":true}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed this referral at the same moment; look again");
        }
        return true;
    }
}
