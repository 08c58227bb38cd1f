using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.Sharing;
using ChildStory.Features.Access;
using ChildStory.Features.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Sharing;

/// <summary>
/// A practitioner shares information about a child with agencies, teams or named practitioners. Each recipient gets
/// a deadline to acknowledge, worked out on the partnership calendar from the urgency (and shown with how it was
/// computed). An urgent share sent when the offices are shut also goes to the emergency duty team. The share lands
/// in the child's story, each recipient's people are told in their inbox and by e-mail, and it is audited. Bad input
/// — no recipient, an unknown one, no lawful basis, no reason for sharing without consent — changes nothing.
/// </summary>
public sealed class SendShare(ChildStoryDbContext db, ChildAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<SharingOptions> options)
{
    private sealed record Target(RecipientKind Kind, Guid AgencyId, Guid? TeamId, Guid? PractitionerId, string Name);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, ShareForm form, CancellationToken ct = default)
    {
        if (actor.PractitionerId is not { } senderId || actor.AgencyId is not { } senderAgencyId)
        {
            return Error.Forbidden("Only a practitioner can share information about a child");
        }
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var subject = form.Subject?.Trim() ?? "";
        var message = form.Message?.Trim() ?? "";
        if (subject.Length == 0) { errors.Add("Subject", "Enter a subject"); }
        else if (subject.Length > 200) { errors.Add("Subject", "The subject must be 200 characters or fewer"); }
        if (message.Length == 0) { errors.Add("Message", "Enter the information you are sharing"); }
        else if (message.Length > 10_000) { errors.Add("Message", "The message must be 10,000 characters or fewer"); }

        LawfulBasis? basis = Enum.TryParse<LawfulBasis>(form.LawfulBasis, ignoreCase: true, out var b) && !int.TryParse(form.LawfulBasis, out _) ? b : null;
        var reason = string.IsNullOrWhiteSpace(form.BasisReason) ? null : form.BasisReason.Trim();
        if (basis is null) { errors.Add("LawfulBasis", "Select the lawful basis for sharing"); }
        else if (basis == LawfulBasis.SafeguardingWithoutConsent && reason is null) { errors.Add("BasisReason", "Say why you are sharing without consent"); }
        else if (basis == LawfulBasis.LegalDuty && reason is null) { errors.Add("BasisReason", "Say which legal duty requires this sharing"); }
        if (reason is { Length: > 2_000 }) { errors.Add("BasisReason", "The reason must be 2,000 characters or fewer"); }

        ShareUrgency? urgency = Enum.TryParse<ShareUrgency>(form.Urgency, ignoreCase: true, out var u) && !int.TryParse(form.Urgency, out _) ? u : null;
        var withinDays = form.WithinDays ?? options.Value.DefaultWithinDays;
        if (urgency is null) { errors.Add("Urgency", "Select how urgently recipients must acknowledge"); }
        else if (urgency == ShareUrgency.WithinWorkingDays && withinDays is < 1 or > 20) { errors.Add("WithinDays", "Working days must be a whole number from 1 to 20"); }

        var targets = await TargetsAsync(form, errors, ct);
        var files = Attachments.Check(form.Attachments ?? [], errors);
        if (form.Transfer is { } packet)
        {
            if (string.IsNullOrWhiteSpace(packet.OpenConcerns)) { errors.Add("OpenConcerns", "Say what the open concerns are, or that there are none"); }
            foreach (var (field, text) in new[] { ("OpenConcerns", packet.OpenConcerns), ("Plans", packet.Plans), ("SoftIntelligence", packet.SoftIntelligence) })
            {
                if (text is { Length: > 10_000 }) { errors.Add(field, "This part of the packet must be 10,000 characters or fewer"); }
            }
            if (packet.KeyContacts is { Length: > 4_000 }) { errors.Add("KeyContacts", "Key contacts must be 4,000 characters or fewer"); }
            if (targets.Count > 0 && targets.All(t => t.Kind == RecipientKind.Practitioner))
            {
                errors.Add("AgencyIds", "Send a transfer packet to the receiving school or authority (an agency or team), not only to a person");
            }
        }
        var eventIds = form.EventIds.Distinct().ToList();
        if (eventIds.Count > 0)
        {
            var found = await db.ChronologyEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id) && e.ChildId == childId).Select(e => e.Id).ToListAsync(ct);
            foreach (var missing in eventIds.Except(found)) { errors.Add("EventIds", $"Event {missing} is not in this child's story"); }
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        var working = await calendar.GetAsync(db, ct);
        var rule = urgency switch
        {
            ShareUrgency.Immediate => DeadlineRule.CalendarHours(1),
            ShareUrgency.SameWorkingDay => DeadlineRule.WorkingDays(0),
            _ => DeadlineRule.WorkingDays(withinDays),
        };
        var deadline = working.Due(now, rule);
        var share = new Share(Guid.NewGuid(), childId, senderId, actor.Name, senderAgencyId, subject, message, basis!.Value, reason, urgency!.Value,
            urgency == ShareUrgency.WithinWorkingDays ? withinDays : null, now);
        foreach (var t in targets)
        {
            share.Recipients.Add(new ShareRecipient(Guid.NewGuid(), share.Id, t.Kind, t.AgencyId, t.TeamId, t.PractitionerId, t.Name,
                deadline.Due, deadline.Explanation, outOfHoursRoute: false));
        }
        if (deadline.OutOfHours && urgency != ShareUrgency.WithinWorkingDays)
        {
            await RouteToEmergencyDutyAsync(share, working, now, ct);
        }
        if (form.Transfer is { } transfer)
        {
            share.MakeTransfer(transfer with
            {
                OpenConcerns = transfer.OpenConcerns.Trim(),
                Plans = Blank(transfer.Plans),
                KeyContacts = Blank(transfer.KeyContacts),
                SoftIntelligence = Blank(transfer.SoftIntelligence),
            });
        }
        foreach (var id in eventIds) { share.Events.Add(new ShareEventLink(share.Id, id)); }
        foreach (var (fileName, contentType, content) in files)
        {
            share.Attachments.Add(new ShareAttachment(Guid.NewGuid(), share.Id, fileName, contentType, content, now));
        }
        db.Shares.Add(share);

        var names = string.Join(", ", share.Recipients.Select(r => r.Name));
        await FollowUpStory.WriteAsync(db, childId, senderAgencyId, senderId, actor.Name, EventType.InformationShared, share.Kind == ShareKind.Transfer
            ? $"Transfer packet \"{subject}\" sent to {names} (open concerns{(share.Packet!.Plans is null ? "" : ", plans")}{(share.Packet.KeyContacts is null ? "" : ", key contacts")}{(share.Packet.SoftIntelligence is null ? "" : ", soft intelligence")}{(share.Packet.IncludesChronology ? ", the chronology" : "")}); acknowledgement due {working.Describe(deadline.Due)}"
            : $"Shared \"{subject}\" with {names} ({Words(share.LawfulBasis)}); acknowledgement due {working.Describe(deadline.Due)}", false, ct);
        foreach (var r in share.Recipients)
        {
            notify.Tell(await ShareParties.MembersAsync(db, r, ct), childId, $"Information shared with {r.Name} needs acknowledging",
                $"{actor.Name} shared \"{subject}\". Acknowledge by {working.Describe(r.DueAt)}.", $"/shares/{share.Id}");
        }
        db.Audit(AuditActions.ShareSent, childId, subject: $"Share:{share.Id}", detail: JsonSerializer.Serialize(new
        {
            basis = share.LawfulBasis.ToString(),
            urgency = share.Urgency.ToString(),
            recipients = share.Recipients.Select(r => r.Name),
            events = eventIds.Count,
            attachments = share.Attachments.Select(a => new { a.FileName, a.Size, a.Sha256 }),
        }));
        await db.SaveChangesAsync(ct);
        return share.Id;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string Words(LawfulBasis basis) => basis switch
    {
        LawfulBasis.ConsentGiven => "with consent",
        LawfulBasis.SafeguardingWithoutConsent => "without consent, to safeguard the child",
        _ => "under a legal duty",
    };

    /// <summary>Resolves every recipient the sender named, listing each one that does not exist or is not active.</summary>
    private async Task<List<Target>> TargetsAsync(ShareForm form, ValidationErrors errors, CancellationToken ct)
    {
        var targets = new List<Target>();
        var unknown = false;
        var agencyIds = form.AgencyIds.Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) && a.IsActive).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        foreach (var id in agencyIds)
        {
            if (agencies.TryGetValue(id, out var name)) { targets.Add(new Target(RecipientKind.Agency, id, null, null, name)); }
            else { errors.Add("AgencyIds", $"There is no active agency with id {id}"); unknown = true; }
        }
        var teamIds = form.TeamIds.Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id) && t.IsActive)
            .Select(t => new { t.Id, t.AgencyId, t.Name, Agency = t.Agency!.Name }).ToDictionaryAsync(t => t.Id, ct);
        foreach (var id in teamIds)
        {
            if (teams.TryGetValue(id, out var t)) { targets.Add(new Target(RecipientKind.Team, t.AgencyId, t.Id, null, $"{t.Name}, {t.Agency}")); }
            else { errors.Add("TeamIds", $"There is no active team with id {id}"); unknown = true; }
        }
        var emails = form.PractitionerEmails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var lowered = emails.Select(e => e.ToLowerInvariant()).ToList();
        var people = await db.Practitioners.AsNoTracking().Where(p => lowered.Contains(p.Email.ToLower()) && p.IsActive)
            .Select(p => new { p.Id, p.Email, p.AgencyId, p.TeamId, Name = p.GivenName + " " + p.FamilyName, p.JobTitle, Agency = p.Agency!.Name })
            .ToListAsync(ct);
        foreach (var email in emails)
        {
            var p = people.FirstOrDefault(x => string.Equals(x.Email, email, StringComparison.OrdinalIgnoreCase));
            if (p is not null) { targets.Add(new Target(RecipientKind.Practitioner, p.AgencyId, p.TeamId, p.Id, $"{p.Name} ({p.JobTitle}, {p.Agency})")); }
            else { errors.Add("PractitionerEmails", $"No active practitioner has the e-mail address {email}"); unknown = true; }
        }
        if (targets.Count == 0 && !unknown)
        {
            errors.Add("Recipients", "Choose at least one agency, team or practitioner to share with");
        }
        return targets;
    }

    /// <summary>An urgent share sent while offices are shut also goes to each active emergency duty team, on its own clock.</summary>
    private async Task RouteToEmergencyDutyAsync(Share share, WorkingTime working, DateTimeOffset now, CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.Function == TeamFunction.EmergencyDuty && t.IsActive)
            .Select(t => new { t.Id, t.AgencyId, t.Name, Agency = t.Agency!.Name }).ToListAsync(ct);
        var due = working.Due(now, DeadlineRule.CalendarHours(options.Value.EmergencyDutyHours));
        foreach (var t in teams.Where(t => share.Recipients.All(r => r.TeamId != t.Id)))
        {
            share.Recipients.Add(new ShareRecipient(Guid.NewGuid(), share.Id, RecipientKind.Team, t.AgencyId, t.Id, null, $"{t.Name}, {t.Agency}",
                due.Due, $"{due.Explanation} Sent to the emergency duty team because the offices were closed.", outOfHoursRoute: true));
        }
    }
}
