using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Features.Timescales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Meetings;

public sealed record HeldForm(
    DateTimeOffset? HeldAt, string? Chair, MeetingOutcome? Outcome, string? Decisions, string? Minutes, ChildVoice Voice,
    IReadOnlyDictionary<Guid, Attendance> Attendance, IReadOnlyList<ActionInput> Actions, string? LateReason);

/// <summary>
/// Records a meeting as held: who came, sent apologies or did not attend, the decisions and outcome, the actions
/// (owner, due date), the minutes and the child's views. It meets the statutory clocks the meeting was due for — a
/// late one needs the reason — and starts the ones its outcome sets running (a strategy discussion deciding on a
/// section 47 enquiry starts the 15-working-day clock to the initial conference; a conference making a plan starts
/// the first core group and review clocks). The meeting lands in the child's story; everyone invited is told.
/// </summary>
public sealed class RecordMeeting(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid meetingId, HeldForm form, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.Include(m => m.Invitations).SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Meeting");
        }
        var opened = await access.OpenForWorkAsync(actor, meeting.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (actor.AgencyId != meeting.OrganiserAgencyId)
        {
            return Error.Forbidden("The organising agency records the meeting");
        }
        if (meeting.Status != MeetingStatus.Scheduled)
        {
            return Error.Conflict($"This meeting has already been {meeting.Status.ToString().ToLowerInvariant()}");
        }
        var now = db.Time.GetUtcNow();
        var errors = new ValidationErrors();
        if (form.HeldAt is null) { errors.Add("HeldAt", "Enter when the meeting was held"); }
        else if (form.HeldAt > now) { errors.Add("HeldAt", "A meeting cannot be recorded as held in the future"); }
        else if (form.HeldAt < meeting.StartsAt.AddDays(-14)) { errors.Add("HeldAt", "That is long before the meeting was arranged for: arrange a new meeting instead"); }
        var chair = form.Chair?.Trim() ?? "";
        if (chair.Length == 0) { errors.Add("Chair", "Enter who chaired the meeting"); }
        errors.MaxLength("Chair", chair, 200, "The chair's name");
        var outcome = form.Outcome ?? MeetingOutcome.None;
        if (!Allowed(meeting.Type).Contains(outcome)) { errors.Add("Outcome", $"Choose the outcome of the {Meeting.Describe(meeting.Type).ToLowerInvariant()}"); }
        var decisions = form.Decisions?.Trim() ?? "";
        if (decisions.Length == 0) { errors.Add("Decisions", "Record what the meeting decided and why"); }
        errors.MaxLength("Decisions", decisions, 8_000, "The decisions").MaxLength("Minutes", form.Minutes, 60_000, "The minutes");
        errors.MaxLength("Voice.Words", form.Voice.Words, 4_000, "The child's words");
        if (form.Attendance.Keys.Any(k => meeting.Invitations.All(i => i.Id != k))) { errors.Add("Attendance", "Attendance was given for someone who was not invited"); }
        var heldOn = form.HeldAt is { } h ? DateOnly.FromDateTime(h.UtcDateTime) : DateOnly.FromDateTime(now.UtcDateTime);
        var actions = await AgreedActions.BuildAsync(db, form.Actions, meeting.ChildId, meeting.Id, null, heldOn, now, errors, ct);
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var heldAt = form.HeldAt!.Value.ToUniversalTime();
        var met = await TimescaleClock.OpenAsync(db, meeting.ChildId, TimescaleClock.MetBy(meeting.Type), ct);
        var completed = TimescaleClock.Complete(met, heldAt, $"{Meeting.Describe(meeting.Type)} chaired by {chair}", form.LateReason?.Trim(), meeting.Id);
        if (!completed.Succeeded)
        {
            return completed.Error!;
        }
        var late = form.LateReason?.Trim();
        var held = meeting.RecordHeld(heldAt, chair, outcome, decisions, string.IsNullOrWhiteSpace(form.Minutes) ? null : form.Minutes.Trim(), form.Voice,
            met.Any(t => t.WasLate) ? late : null);
        if (!held.Succeeded)
        {
            return held;
        }
        foreach (var invitation in meeting.Invitations)
        {
            invitation.RecordAttendance(form.Attendance.GetValueOrDefault(invitation.Id,
                invitation.Response == InvitationResponse.Apologies ? Attendance.SentApologies : Attendance.NotRecorded));
        }
        db.AgreedActions.AddRange(actions);

        var working = await calendar.GetAsync(db, ct);
        var team = await TimescaleClock.ResponsibleTeamAsync(db, meeting.ChildId, ct);
        var started = new List<Timescale>();
        void Start(TimescaleKind kind) => started.Add(TimescaleClock.Start(db, working, options.Value, meeting.ChildId, kind, heldAt, $"{Meeting.Describe(meeting.Type)} on {heldOn:d MMM yyyy}", team, meetingId: meeting.Id));
        switch (meeting.Type, outcome)
        {
            case (MeetingType.StrategyDiscussion, MeetingOutcome.Section47Enquiry):
                Start(TimescaleKind.InitialChildProtectionConference);
                break;
            case (MeetingType.InitialChildProtectionConference, MeetingOutcome.ChildProtectionPlan):
                Start(TimescaleKind.FirstCoreGroup);
                Start(TimescaleKind.FirstReviewConference);
                break;
            case (MeetingType.ReviewChildProtectionConference, MeetingOutcome.PlanContinues):
                Start(TimescaleKind.ReviewConference);
                break;
            case (MeetingType.ChildInNeedReview, MeetingOutcome.PlanContinues):
                Start(TimescaleKind.ChildInNeedReview);
                break;
            case (MeetingType.LookedAfterReview, not MeetingOutcome.PlanEnds):
                Start(met.Any(t => t.Kind == TimescaleKind.FirstLookedAfterReview) ? TimescaleKind.SecondLookedAfterReview : TimescaleKind.LookedAfterReview);
                break;
        }

        var names = await db.Agencies.AsNoTracking().Where(a => meeting.Invitations.Select(i => i.AgencyId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        string Who(Attendance a) => string.Join(", ", meeting.Invitations.Where(i => i.Attendance == a).Select(i => i.InviteeName).DefaultIfEmpty("none"));
        var summary = $"{Meeting.Describe(meeting.Type)} held ({meeting.Format.ToString().ToLowerInvariant()}), chaired by {chair}. "
            + $"Outcome: {Meeting.Describe(outcome)}. Attended: {Who(Attendance.Attended)}. Apologies: {Who(Attendance.SentApologies)}. "
            + $"Did not attend: {Who(Attendance.DidNotAttend)}. Decisions: {decisions}";
        await FollowUpStory.WriteAsync(db, meeting.ChildId, meeting.OrganiserAgencyId, actor.PractitionerId, actor.Name, EventType.MeetingHeld, summary,
            meeting.Type is not (MeetingType.CoreGroup or MeetingType.TeamAroundTheChild or MeetingType.ProfessionalsMeeting) || meeting.ExploitationItem, ct, heldAt);
        var invited = await MeetingParties.InvitedAsync(db, meeting, ct);
        foreach (var owner in actions.Where(a => a.OwnerPractitionerId != null).Select(a => a.OwnerPractitionerId!.Value).Distinct())
        {
            invited.AddRange(await ShareParties.PractitionerAsync(db, owner, ct));
        }
        notify.Tell(invited, meeting.ChildId, $"Decisions and actions from the {Meeting.Describe(meeting.Type).ToLowerInvariant()}",
            $"Outcome: {Meeting.Describe(outcome)}.{(actions.Count > 0 ? $" {actions.Count} action(s) agreed." : "")}", $"/meetings/{meeting.Id}");
        db.Audit(AuditActions.MeetingUpdated, meeting.ChildId, subject: $"Meeting:{meeting.Id}",
            detail: JsonSerializer.Serialize(new { held = true, outcome = outcome.ToString(), met = met.Select(t => t.Kind.ToString()), started = started.Select(t => t.Kind.ToString()) }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else recorded this meeting at the same time: look at it again");
        }
        return true;
    }

    /// <summary>The outcomes each meeting type can have.</summary>
    public static IReadOnlyList<MeetingOutcome> Allowed(MeetingType type) => type switch
    {
        MeetingType.StrategyDiscussion => [MeetingOutcome.Section47Enquiry, MeetingOutcome.ChildInNeedPlan, MeetingOutcome.NoFurtherAction],
        MeetingType.InitialChildProtectionConference => [MeetingOutcome.ChildProtectionPlan, MeetingOutcome.ChildInNeedPlan, MeetingOutcome.NoFurtherAction],
        MeetingType.ReviewChildProtectionConference => [MeetingOutcome.PlanContinues, MeetingOutcome.PlanEnds],
        MeetingType.ChildInNeedReview or MeetingType.LookedAfterReview => [MeetingOutcome.PlanContinues, MeetingOutcome.PlanEnds, MeetingOutcome.StepDownToEarlyHelp],
        _ => [MeetingOutcome.None, MeetingOutcome.PlanContinues, MeetingOutcome.StepDownToEarlyHelp],
    };
}
