using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>
/// Moves a referral one step: the service's team receives, accepts or declines (a reason is required), allocates
/// (to a named worker), records first contact and closes; the referrer may withdraw (with a reason). Steps out of
/// order, by the wrong people, or twice are refused and change nothing. The next step's clock starts, the step lands
/// in the child's story and the other side is told.
/// </summary>
public sealed class MoveReferral(ChildStoryDbContext db, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid referralId, ReferralStage to, string? text, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } me)
        {
            return Error.Forbidden("Only a practitioner can move a referral on");
        }
        var referral = await db.Referrals.Include(r => r.Service).SingleOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return Error.NotFound("Referral");
        }
        var service = referral.Service!;
        var myTeam = await db.Practitioners.AsNoTracking().Where(p => p.Id == me).Select(p => p.TeamId).SingleOrDefaultAsync(ct);
        var isService = myTeam == service.TeamId;
        if (to == ReferralStage.Withdrawn ? me != referral.ReferrerId : !isService)
        {
            return Error.Forbidden(to == ReferralStage.Withdrawn
                ? "Only the practitioner who made the referral can withdraw it"
                : $"Only {service.Name}'s team can record that step");
        }
        var note = text?.Trim();
        var required = to switch
        {
            ReferralStage.Declined => "Say why the referral is declined, so the referrer can act on it",
            ReferralStage.Allocated => "Name the worker the child is allocated to",
            ReferralStage.Withdrawn => "Say why the referral is withdrawn",
            _ => null,
        };
        if (required is not null && string.IsNullOrWhiteSpace(note))
        {
            return Error.Invalid("Text", required);
        }
        if (note is { Length: > 2_000 })
        {
            return Error.Invalid("Text", "The note must be 2,000 characters or fewer");
        }
        var now = db.Time.GetUtcNow();
        var moved = referral.Advance(to, string.IsNullOrWhiteSpace(note) ? null : note, now);
        if (!moved.Succeeded)
        {
            return moved.Error!;
        }
        var working = await calendar.GetAsync(db, ct);
        var next = ReferralClock.NextDue(referral, service, working, now);
        referral.SetNextDue(next?.Due, next?.Explanation);

        var summary = $"{service.Name}: referral {Referral.Words(to)}{(note is null ? "" : $" — {note}")}"
            + (next is null ? "" : $". Next step due {working.Describe(next.Due)}");
        var agency = to == ReferralStage.Withdrawn ? referral.ReferrerAgencyId : service.AgencyId;
        await ReferralStory.WriteAsync(db, referral, agency, me, actor.Name, ReferralStory.TypeOf(to), summary, to == ReferralStage.Declined, ct);
        var tell = to == ReferralStage.Withdrawn
            ? await ShareParties.TeamAsync(db, service.TeamId, ct)
            : await ShareParties.PractitionerAsync(db, referral.ReferrerId, ct);
        notify.Tell(tell, referral.ChildId, $"Referral to {service.Name} {Referral.Words(to)}", summary, $"/referrals/{referral.Id}");
        db.Audit(AuditActions.ReferralMoved, referral.ChildId, subject: $"Referral:{referral.Id}", detail: $"{{\"to\":\"{to}\"}}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else moved this referral on at the same moment; look again");
        }
        return true;
    }
}
