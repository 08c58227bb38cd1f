using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Escalation;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Escalation;

public sealed record ResponseForm(StageAnswer? Answer, string? Response, string? Outcome);

/// <summary>
/// The agency a difference is about answers the current stage in writing: whether it agrees, its response and the
/// outcome. The stage's responder decides who may: anyone in that agency at stage 1, its managers at the manager
/// stages, a partnership lead at the partnership's stage. The raiser is told; it lands in the child's story.
/// </summary>
public sealed class RespondToStage(ChildStoryDbContext db, DifferenceAccess access, Notifier notify, IOptions<EscalationOptions> options)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid differenceId, ResponseForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, differenceId, ct, track: true);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var difference = opened.Value;
        if (!difference.IsOpen)
        {
            return Error.Conflict("This difference has been resolved");
        }
        var stage = options.Value.Stage(Math.Min(difference.CurrentStage, options.Value.LastStage));
        if (!MayRespond(actor, difference, stage))
        {
            return Error.Forbidden(stage.Responder switch
            {
                StageResponder.PartnershipLead => "At this stage a partnership lead answers for the safeguarding partnership",
                StageResponder.Manager => "At this stage a manager of the agency the difference is with answers",
                _ => "Only the agency the difference is with answers it",
            });
        }
        var errors = new ValidationErrors();
        var response = form.Response?.Trim() ?? "";
        var outcome = form.Outcome?.Trim() ?? "";
        if (form.Answer is null) { errors.Add("Answer", "Say whether you agree with the concern"); }
        errors.Require("Reply", response, "Give your response in writing");
        errors.MaxLength("Reply", response, 4_000, "The response");
        errors.Require("Outcome", outcome, "Say what will happen now");
        errors.MaxLength("Outcome", outcome, 4_000, "The outcome");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var answered = difference.Respond(actor.PractitionerId ?? Guid.Empty, actor.Name, form.Answer!.Value, response, outcome, db.Time.GetUtcNow());
        if (!answered.Succeeded)
        {
            return answered;
        }
        var words = Words.Answer(form.Answer.Value);
        await FollowUpStory.WriteAsync(db, difference.ChildId, actor.AgencyId ?? difference.SubjectAgencyId, actor.PractitionerId, actor.Name, EventType.DifferenceResponded,
            $"Professional difference, stage {difference.CurrentStage} ({stage.Name}): {actor.Name} {words}. Response: {response}. Outcome: {outcome}", form.Answer != StageAnswer.Agreed, ct);
        notify.Tell(await ShareParties.PractitionerAsync(db, difference.RaisedById, ct), difference.ChildId,
            $"Your professional difference has been answered at stage {difference.CurrentStage}", $"{actor.Name} {words}.", $"/differences/{difference.Id}");
        db.Audit(AuditActions.DifferenceResponded, difference.ChildId, subject: $"ProfessionalDifference:{difference.Id}", detail: form.Answer.Value.ToString());
        return await Save.TryAsync(db, ct);
    }

    public static bool MayRespond(Actor actor, ProfessionalDifference difference, EscalationStageOptions stage) =>
        EscalationOptions.MayAnswer(actor, stage.Responder)
        && (stage.Responder == StageResponder.PartnershipLead || actor.AgencyId == difference.SubjectAgencyId);
}

internal static class Words
{
    public static string Answer(StageAnswer answer) => answer switch
    {
        StageAnswer.Agreed => "agreed",
        StageAnswer.PartlyAgreed => "partly agreed",
        _ => "disagreed",
    };
}

internal static class Save
{
    /// <summary>Saves, answering a concurrent change (someone else answered first) as a conflict rather than an exception.</summary>
    public static async Task<Result<bool>> TryAsync(ChildStoryDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed this difference at the same moment: look again");
        }
    }
}
