using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;

namespace ChildStory.Features.Escalation;

public sealed record ResolutionForm(string? Resolution, string? ChangeForChild);

/// <summary>
/// Either side (or a partnership lead) records how a difference was resolved and, required, what changed for the
/// child: the process exists for the child, not for the professionals. The team around the child is told.
/// </summary>
public sealed class ResolveDifference(ChildStoryDbContext db, DifferenceAccess access, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid differenceId, ResolutionForm form, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, differenceId, ct, track: true);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var difference = opened.Value;
        if (actor.AgencyId != difference.RaisedByAgencyId && actor.AgencyId != difference.SubjectAgencyId && !actor.IsInRole(Roles.PartnershipLead))
        {
            return Error.Forbidden("Only the two agencies, or a partnership lead, can record how the difference was resolved");
        }
        var errors = new ValidationErrors();
        var resolution = form.Resolution?.Trim() ?? "";
        var change = form.ChangeForChild?.Trim() ?? "";
        errors.Require("Resolution", resolution, "Say how the difference was resolved");
        errors.MaxLength("Resolution", resolution, 4_000, "The resolution");
        errors.Require("ChangeForChild", change, "Say what changed for the child");
        errors.MaxLength("ChangeForChild", change, 4_000, "What changed for the child");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var resolved = difference.Resolve(actor.Name, resolution, change, db.Time.GetUtcNow());
        if (!resolved.Succeeded)
        {
            return resolved;
        }
        await FollowUpStory.WriteAsync(db, difference.ChildId, actor.AgencyId ?? difference.RaisedByAgencyId, actor.PractitionerId, actor.Name, EventType.DifferenceResolved,
            $"Professional difference resolved at stage {difference.CurrentStage} by {actor.Name}: {resolution}. What changed for the child: {change}", true, ct);
        notify.Tell([.. await ShareParties.PractitionerAsync(db, difference.RaisedById, ct), .. await CaseworkAccess.TeamAroundAsync(db, difference.ChildId, ct),
                .. await CaseworkAccess.AgencyAroundAsync(db, difference.ChildId, difference.SubjectAgencyId, ct)],
            difference.ChildId, "A professional difference about a child was resolved", $"By {actor.Name}.", $"/differences/{difference.Id}");
        db.Audit(AuditActions.DifferenceResolved, difference.ChildId, subject: $"ProfessionalDifference:{difference.Id}");
        return await Save.TryAsync(db, ct);
    }
}
