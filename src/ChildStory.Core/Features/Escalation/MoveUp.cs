using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Calendar;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

/// <summary>
/// The raiser's agency takes a difference to the next stage: at once when the stage is unanswered past its due time
/// or the other side disagreed, or early with a reason (a child's situation cannot always wait five working days).
/// The next stage's people are told — the other agency's managers, or the partnership's leads.
/// </summary>
public sealed class MoveUp(ChildStoryDbContext db, DifferenceAccess access, PartnershipCalendar calendar, Notifier notify, IOptions<EscalationOptions> options)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid differenceId, string? reason, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, differenceId, ct, track: true);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var difference = opened.Value;
        if (actor.AgencyId != difference.RaisedByAgencyId)
        {
            return Error.Forbidden("Only the agency that raised the difference can move it up");
        }
        var text = reason?.Trim();
        if (text is { Length: > 4_000 })
        {
            return Error.Invalid("Reason", "The reason must be 4,000 characters or fewer");
        }
        var settings = options.Value;
        var now = db.Time.GetUtcNow();
        var wasEarly = difference.Current is { RespondedAt: null } current && now <= current.DueAt;
        if (difference.CurrentStage >= settings.LastStage)
        {
            return Error.Conflict("This difference is already at the last stage: the safeguarding partnership decides");
        }
        var next = settings.Stage(difference.CurrentStage + 1);
        var due = (await calendar.GetAsync(db, ct)).Due(now, next.Rule);
        var moved = difference.MoveUp(settings.LastStage, next.Name, due.Due, due.Explanation, text, now);
        if (!moved.Succeeded)
        {
            return moved;
        }
        var stage = difference.CurrentStage;
        await FollowUpStory.WriteAsync(db, difference.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.DifferenceMovedUp,
            $"{actor.Name} moved a professional difference to stage {stage} ({next.Name}){(wasEarly ? " early" : "")}{(string.IsNullOrEmpty(text) ? "" : $": {text}")}. Answer due by {due.Due:d MMM yyyy HH:mm} UTC", true, ct);
        var people = next.Responder == StageResponder.PartnershipLead
            ? await DifferenceAccess.PartnershipLeadsAsync(db, ct)
            : next.Responder == StageResponder.Manager
                ? await DifferenceAccess.AgencyManagersAsync(db, difference.SubjectAgencyId, ct)
                : await CaseworkAccess.AgencyAroundAsync(db, difference.ChildId, difference.SubjectAgencyId, ct);
        var link = $"/differences/{difference.Id}";
        notify.Tell(people, difference.ChildId, $"A professional difference about a child has reached stage {stage}: {next.Name}",
            $"Raised by {difference.RaisedByName}. Please answer by {due.Due:d MMM yyyy HH:mm} UTC.", link);
        if (actor.PractitionerId is { } me)
        {
            notify.Tell(await ShareParties.ManagersOfAsync(db, [me], ct), difference.ChildId, $"A professional difference moved to stage {stage}", $"By {actor.Name}.", link);
        }
        db.Audit(AuditActions.DifferenceMovedUp, difference.ChildId, subject: $"ProfessionalDifference:{difference.Id}", reason: text,
            detail: JsonSerializer.Serialize(new { stage, early = wasEarly }));
        return await Save.TryAsync(db, ct);
    }
}
