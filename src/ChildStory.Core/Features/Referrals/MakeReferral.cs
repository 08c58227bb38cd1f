using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Referrals;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Referrals;

/// <summary>
/// A practitioner working with a child refers them to a service. The referral's first clock (to be received) starts
/// at once — or, if the child has said they are ready to engage, the referrer marks a critical moment and every step
/// is fast-tracked. The service's team is told; the referral lands in the child's story; it is audited.
/// </summary>
public sealed class MakeReferral(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar, Notifier notify)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Guid? serviceId, string? reason, bool criticalMoment, string? criticalNote, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } referrerId || actor.AgencyId is not { } agencyId)
        {
            return Error.Forbidden("Only a practitioner can make a referral");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var service = serviceId is { } id ? await db.ReferralServices.SingleOrDefaultAsync(s => s.Id == id && s.IsActive, ct) : null;
        if (service is null) { errors.Add("ServiceId", serviceId is null ? "Choose the service you are referring to" : "That service does not exist or no longer takes referrals"); }
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) { errors.Add("Reason", "Say why you are referring the child and what you are asking the service to do"); }
        else if (text.Length > 4_000) { errors.Add("Reason", "The reason must be 4,000 characters or fewer"); }
        var note = criticalNote?.Trim() ?? "";
        if (criticalMoment && note.Length == 0) { errors.Add("CriticalNote", "Say what the child said or did that shows they are ready to engage now"); }
        if (service is not null && await db.Referrals.AnyAsync(r => r.ChildId == childId && r.ServiceId == service.Id
            && r.Stage != ReferralStage.Declined && r.Stage != ReferralStage.Closed && r.Stage != ReferralStage.Withdrawn, ct))
        {
            errors.Add("ServiceId", $"This child already has an open referral to {service.Name}: follow that one up instead");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var referral = new Referral(Guid.NewGuid(), childId, service!.Id, referrerId, actor.Name, agencyId, text, now);
        if (criticalMoment)
        {
            referral.MarkCriticalMoment(note, now);
        }
        var due = ReferralClock.NextDue(referral, service, working, now)!;
        referral.SetNextDue(due.Due, due.Explanation);
        db.Referrals.Add(referral);
        await ReferralStory.WriteAsync(db, referral, agencyId, referrerId, actor.Name, EventType.ReferralMade,
            $"Referred to {service.Name}{(criticalMoment ? " as a critical moment: " + note : "")}. To be received by {working.Describe(due.Due)}", criticalMoment, ct);
        var team = await ShareParties.TeamAsync(db, service.TeamId, ct);
        notify.Tell(team, childId, criticalMoment ? $"Critical moment: fast-track referral to {service.Name}" : $"New referral to {service.Name}",
            $"From {actor.Name}. Receive it by {working.Describe(due.Due)}.", $"/referrals/{referral.Id}");
        db.Audit(AuditActions.ReferralMade, childId, subject: $"Referral:{referral.Id}", detail: $"{{\"service\":\"{service.Kind}\",\"criticalMoment\":{(criticalMoment ? "true" : "false")}}}");
        await db.SaveChangesAsync(ct);
        return referral.Id;
    }
}
