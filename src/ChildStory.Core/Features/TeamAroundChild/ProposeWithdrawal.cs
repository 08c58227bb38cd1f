using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.TeamAroundChild;

public sealed record WithdrawalForm(string? Reason, WithdrawalRisk? Risk, string? RiskAssessment, WithdrawalRoute? Route, Guid? MeetingId, bool ConfirmLastAgency);

/// <summary>
/// The withdrawal protocol. An agency ending its involvement records why and a risk assessment of stopping, and
/// either names the multi-agency meeting that agreed it (it then ends at once) or gives the team notice, which anyone
/// else in the team can contest until it runs out. If it would leave one agency alone with a child on an active
/// plan (James: social care "left alone and paralysed"), the proposer must confirm they have read that warning
/// before anything happens, the team is warned, and the remaining agency is offered the escalation route.
/// </summary>
public sealed class ProposeWithdrawal(ChildStoryDbContext db, CaseworkAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid involvementId, WithdrawalForm form, CancellationToken ct = default)
    {
        var involvement = await db.Involvements.Include(i => i.Practitioner).Include(i => i.Agency).SingleOrDefaultAsync(i => i.Id == involvementId, ct);
        if (involvement is null)
        {
            return Error.NotFound("Involvement");
        }
        var childId = involvement.ChildId;
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (involvement.AgencyId != actor.AgencyId)
        {
            return Error.Forbidden("Only the agency itself can propose ending its involvement");
        }
        var today = CaseworkAccess.Today(db);
        if (involvement.EndedOn is { } ended)
        {
            return Error.Conflict(ended < today ? "This involvement has already ended" : "This worker is handing over; the involvement ends then");
        }
        if (await db.Withdrawals.AnyAsync(w => w.InvolvementId == involvementId && (w.Status == WithdrawalStatus.UnderNotice || w.Status == WithdrawalStatus.Contested), ct))
        {
            return Error.Conflict("A withdrawal of this involvement is already under way");
        }

        var errors = new ValidationErrors();
        var reason = form.Reason?.Trim() ?? "";
        var assessment = form.RiskAssessment?.Trim() ?? "";
        if (reason.Length == 0) { errors.Add("Reason", "Say why your agency is ending its involvement"); }
        errors.MaxLength("Reason", reason, 4_000, "The reason");
        if (form.Risk is null) { errors.Add("Risk", "Choose the risk to the child of your agency withdrawing"); }
        if (assessment.Length == 0) { errors.Add("RiskAssessment", "Assess the risk of withdrawing: what will the child lose, and who will notice if things get worse?"); }
        errors.MaxLength("RiskAssessment", assessment, 4_000, "The risk assessment");
        if (form.Route is null) { errors.Add("Route", "Choose whether a multi-agency meeting agreed this or the team is to be given notice"); }
        Meeting? meeting = null;
        if (form.Route == WithdrawalRoute.MeetingDecision)
        {
            meeting = form.MeetingId is { } mid ? await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mid && m.ChildId == childId, ct) : null;
            if (meeting is null) { errors.Add("MeetingId", "Choose the meeting about this child that agreed the withdrawal"); }
            else if (meeting.Status != MeetingStatus.Held) { errors.Add("MeetingId", "That meeting has not been recorded as held: give notice to the team instead, or record the meeting first"); }
        }

        // Who would be left: the agencies still working with the child (beyond universal services) once this ends.
        var remaining = await db.Involvements.AsNoTracking()
            .Where(i => i.ChildId == childId && i.Id != involvementId && (i.EndedOn == null || i.EndedOn >= today) && !UniversalServices.Roles.Contains(i.Role))
            .Select(i => i.AgencyId).Distinct().ToListAsync(ct);
        var activePlan = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId && p.EndedOn == null).OrderBy(p => p.StartedOn).Select(p => (PlanKind?)p.Kind).FirstOrDefaultAsync(ct);
        var leavesOne = activePlan is not null && !remaining.Contains(involvement.AgencyId) && remaining.Count <= 1;
        var remainingAgency = leavesOne && remaining.Count == 1 ? remaining[0] : (Guid?)null;
        var remainingName = remainingAgency is { } ra ? await db.Agencies.AsNoTracking().Where(a => a.Id == ra).Select(a => a.Name).SingleAsync(ct) : null;
        var warning = leavesOne
            ? remainingName is null
                ? $"No agency would be left working with this child, who has an active {Plan.Describe(activePlan!.Value).ToLowerInvariant()}."
                : $"This would leave {remainingName} as the only agency working with this child, who has an active {Plan.Describe(activePlan!.Value).ToLowerInvariant()}. The team will be warned and {remainingName} offered the escalation route."
            : null;
        if (leavesOne && !form.ConfirmLastAgency && !errors.Any)
        {
            errors.Add("ConfirmLastAgency", $"{warning} Confirm that you have considered this before you go on");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        var now = db.Time.GetUtcNow();
        Deadline? notice = null;
        if (form.Route == WithdrawalRoute.NoticeToTeam)
        {
            notice = (await calendar.GetAsync(db, ct)).Due(now, DeadlineRule.WorkingDays(options.Value.WithdrawalNoticeWorkingDays));
        }
        var withdrawal = new Withdrawal(Guid.NewGuid(), childId, involvementId, involvement.AgencyId, actor.PractitionerId!.Value, actor.Name, now,
            reason, form.Risk!.Value, assessment, form.Route!.Value, meeting?.Id, notice?.Due, notice?.Explanation, leavesOne, remainingAgency);
        db.Withdrawals.Add(withdrawal);
        var agency = involvement.Agency!.Name;
        var link = $"/withdrawals/{withdrawal.Id}";
        if (meeting is not null)
        {
            var wasLead = involvement.IsLeadProfessional;
            involvement.End(today, $"Withdrawal agreed at the {Meeting.Describe(meeting.Type).ToLowerInvariant()} on {meeting.HeldAt:d MMM yyyy}: {reason}");
            withdrawal.Complete(today, now, $"Agreed at the {Meeting.Describe(meeting.Type).ToLowerInvariant()} on {meeting.HeldAt:d MMM yyyy}");
            await FollowUpStory.WriteAsync(db, childId, involvement.AgencyId, actor.PractitionerId, actor.Name, EventType.InvolvementEnded,
                $"{agency} ended its involvement, as agreed at the {Meeting.Describe(meeting.Type).ToLowerInvariant()}. Reason: {reason}. Risk of withdrawing: {form.Risk} — {assessment}"
                + (wasLead ? ". It held the lead professional role: a new lead is needed" : ""), true, ct);
        }
        else
        {
            await FollowUpStory.WriteAsync(db, childId, involvement.AgencyId, actor.PractitionerId, actor.Name, EventType.WithdrawalProposed,
                $"{agency} gave notice of ending its involvement; the team may contest until {notice!.Due:d MMM yyyy HH:mm} UTC. Reason: {reason}. Risk of withdrawing: {form.Risk} — {assessment}"
                + (warning is null ? "" : $" WARNING: {warning}"), leavesOne || form.Risk == WithdrawalRisk.High, ct);
        }
        var team = await CaseworkAccess.TeamAroundAsync(db, childId, ct, exceptAgencyId: involvement.AgencyId);
        notify.Tell(team, childId,
            leavesOne ? $"Warning: {agency} is withdrawing and one agency would be left alone with a child on a plan" : $"{agency} is ending its involvement with a child",
            meeting is null ? $"You can contest it until {notice!.Due:d MMM yyyy HH:mm} UTC." : "Agreed at a multi-agency meeting.", link);
        if (remainingAgency is { } remainingId)
        {
            notify.Tell(await CaseworkAccess.AgencyAroundAsync(db, childId, remainingId, ct), childId,
                "You would be the only agency left working with a child on a plan",
                "If you think this leaves the child unsafe, contest the withdrawal or escalate it through resolution of professional differences.", link);
        }
        db.Audit(AuditActions.WithdrawalProposed, childId, subject: $"Withdrawal:{withdrawal.Id}",
            detail: JsonSerializer.Serialize(new { route = form.Route.ToString(), risk = form.Risk.ToString(), leavesOneAgency = leavesOne }));
        await db.SaveChangesAsync(ct);
        return withdrawal.Id;
    }
}
