using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>Logs that a new worker has been introduced to the child — by whom and how — so the child is not simply handed on.</summary>
public sealed class RecordIntroduction(ChildStoryDbContext db, CaseworkAccess access)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid involvementId, DateOnly? on, string? note, CancellationToken ct = default)
    {
        var involvement = await db.Involvements.Include(i => i.Practitioner).SingleOrDefaultAsync(i => i.Id == involvementId, ct);
        if (involvement is null)
        {
            return Error.NotFound("Involvement");
        }
        var opened = await access.OpenForWorkAsync(actor, involvement.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (involvement.AgencyId != actor.AgencyId)
        {
            return Error.Forbidden("Only the worker's own agency records their introduction");
        }
        var errors = new ValidationErrors();
        var today = CaseworkAccess.Today(db);
        if (on is null) { errors.Add("IntroducedOn", "Enter the date the child met their new worker"); }
        else if (on > today || on < involvement.StartedOn.AddDays(-30)) { errors.Add("IntroducedOn", "The date must be no later than today and around the start of the work"); }
        var text = note?.Trim() ?? "";
        if (text.Length == 0) { errors.Add("IntroductionNote", "Say how the introduction was made and who was there"); }
        else if (text.Length > 1_000) { errors.Add("IntroductionNote", "The note must be 1,000 characters or fewer"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        involvement.RecordIntroduction(on!.Value, text);
        await FollowUpStory.WriteAsync(db, involvement.ChildId, involvement.AgencyId, actor.PractitionerId, actor.Name, EventType.WorkerIntroduced,
            $"{involvement.Practitioner?.DisplayName ?? "The new worker"} was introduced to the child on {on:d MMM yyyy}: {text}", false, ct);
        db.Audit(AuditActions.WorkerHandedOver, involvement.ChildId, subject: $"Involvement:{involvement.Id}", detail: "{\"introduced\":true}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
