using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Meetings;

/// <summary>
/// Who to invite: a practitioner or a team of an agency. An agency alone is resolved to its people working with the
/// child, or its front door (<see cref="MeetingAddressees"/>).
/// </summary>
public sealed record Invitee(Guid AgencyId, Guid? PractitionerId, Guid? TeamId = null);

public sealed record MeetingForm(
    MeetingType? Type, DateTimeOffset? StartsAt, MeetingFormat? Format, string? Location, string? Purpose, bool ExploitationItem,
    IReadOnlyList<Invitee> Invitees, bool ConfirmShortNotice, string? ShortNoticeReason);

/// <summary>
/// Arranges a meeting about a child and sends the invitations. Each invitation records the working days of notice it
/// gives against the notice the meeting's type needs (configurable per partnership). Short notice is not forbidden —
/// a strategy discussion may be the same day — but the organiser is told which agencies it affects and must say why
/// before the invitations go (the GP could not take part because of late notice).
/// </summary>
public sealed class ScheduleMeeting(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, MeetingForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var now = db.Time.GetUtcNow();
        var errors = new ValidationErrors();
        if (form.Type is null) { errors.Add("Type", "Choose the kind of meeting"); }
        if (form.StartsAt is null) { errors.Add("StartsAt", "Enter the date and time the meeting starts"); }
        else if (form.StartsAt <= now) { errors.Add("StartsAt", "The meeting must start in the future"); }
        else if (form.StartsAt > now.AddYears(1)) { errors.Add("StartsAt", "The meeting must be within the next year"); }
        if (form.Format is null) { errors.Add("Format", "Choose how people will meet"); }
        var location = form.Location?.Trim();
        if (form.Format is MeetingFormat.InPerson or MeetingFormat.Hybrid && string.IsNullOrEmpty(location)) { errors.Add("Location", "Say where the meeting is"); }
        errors.MaxLength("Location", location, 300, "The location").MaxLength("Purpose", form.Purpose, 2_000, "The purpose");
        var invitees = form.Invitees.Distinct().ToList();
        if (invitees.Count == 0) { errors.Add("Invitees", "Invite at least one agency, team or practitioner"); }
        var addressees = await MeetingAddressees.ResolveAsync(db, childId, invitees, errors, ct);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var working = await calendar.GetAsync(db, ct);
        var type = form.Type!.Value;
        var required = options.Value.NoticeFor(type);
        var notice = working.NoticeWorkingDays(now, form.StartsAt!.Value);
        if (notice < required)
        {
            var reason = form.ShortNoticeReason?.Trim() ?? "";
            if (!form.ConfirmShortNotice || reason.Length == 0)
            {
                return Error.Invalid("ShortNoticeReason",
                    $"This gives {Days(notice)} of notice; a {Meeting.Describe(type).ToLowerInvariant()} needs {Days(required)}. "
                    + $"Agencies given short notice may not be able to come or send a report: {string.Join(", ", addressees.Select(a => a.AgencyName).Distinct())}. "
                    + "Choose a later date, or confirm and say why it cannot wait");
            }
            if (reason.Length > 1_000)
            {
                return Error.Invalid("ShortNoticeReason", "The reason must be 1,000 characters or fewer");
            }
        }

        var meeting = new Meeting(Guid.NewGuid(), childId, type, form.StartsAt!.Value.ToUniversalTime(), form.Format!.Value, location,
            actor.PractitionerId!.Value, actor.Name, actor.AgencyId!.Value, form.ExploitationItem, form.Purpose?.Trim(), now);
        if (notice < required)
        {
            meeting.GoAheadAtShortNotice(form.ShortNoticeReason!.Trim());
        }
        foreach (var to in addressees)
        {
            meeting.Invitations.Add(new MeetingInvitation(Guid.NewGuid(), meeting.Id, to.AgencyId, to.PractitionerId, to.TeamId, to.Name, now, notice, required));
        }
        db.Meetings.Add(meeting);
        var when = working.Describe(meeting.StartsAt);
        var title = $"Invitation: {Meeting.Describe(type).ToLowerInvariant()} on {when}";
        foreach (var invitation in meeting.Invitations)
        {
            var parties = await MeetingParties.InviteeAsync(db, invitation, ct);
            notify.Tell(parties, childId, title, notice < required ? $"Short notice ({Days(notice)}): {meeting.ShortNoticeReason}" : "Please reply and send your report.",
                $"/meetings/{meeting.Id}");
        }
        db.Audit(AuditActions.MeetingScheduled, childId, subject: $"Meeting:{meeting.Id}",
            detail: JsonSerializer.Serialize(new { type = type.ToString(), noticeWorkingDays = notice, required }));
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
