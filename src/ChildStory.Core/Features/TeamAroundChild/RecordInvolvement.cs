using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// A practitioner records that their agency now works with a child: which colleague (themself or another in their
/// agency), in what role, from when. It joins the team around the child, who are told, and lands in the story.
/// </summary>
public sealed class RecordInvolvement(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Guid? practitionerId, InvolvementRole? role, DateOnly? startedOn, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var worker = practitionerId is { } id
            ? await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsActive && p.AgencyId == actor.AgencyId, ct)
            : null;
        if (worker is null) { errors.Add("PractitionerId", practitionerId is null ? "Choose who in your agency works with the child" : "Choose an active practitioner in your own agency"); }
        if (role is null || role == InvolvementRole.ReceivingAfterTransfer) { errors.Add("Role", "Choose the role they have with the child"); }
        var today = CaseworkAccess.Today(db);
        if (startedOn is null) { errors.Add("StartedOn", "Enter the date the involvement started"); }
        else if (startedOn > today) { errors.Add("StartedOn", "The start date cannot be in the future"); }
        if (worker is not null && role is not null && await db.Involvements.AnyAsync(i => i.ChildId == childId && i.PractitionerId == worker.Id
            && i.Role == role && (i.EndedOn == null || i.EndedOn >= today), ct))
        {
            errors.Add("PractitionerId", $"{worker.DisplayName} is already recorded in that role with this child");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var involvement = new Involvement(Guid.NewGuid(), childId, worker!.AgencyId, worker.TeamId, worker.Id, role!.Value, startedOn!.Value);
        db.Involvements.Add(involvement);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == worker.AgencyId).Select(a => a.Name).SingleAsync(ct);
        await FollowUpStory.WriteAsync(db, childId, worker.AgencyId, actor.PractitionerId, actor.Name, EventType.InvolvementStarted,
            $"{worker.DisplayName} ({agency}) began working with the child as {Words.Role(role.Value).ToLowerInvariant()} on {startedOn:d MMM yyyy}", false, ct);
        notify.Tell(await CaseworkAccess.TeamAroundAsync(db, childId, ct), childId, $"{agency} has joined the team around a child",
            $"{worker.DisplayName}, {Words.Role(role.Value).ToLowerInvariant()}.", $"/children/{childId}/team");
        db.Audit(AuditActions.InvolvementRecorded, childId, subject: $"Involvement:{involvement.Id}");
        await db.SaveChangesAsync(ct);
        return involvement.Id;
    }
}
