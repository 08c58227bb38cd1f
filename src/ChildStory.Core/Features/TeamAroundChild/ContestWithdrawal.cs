using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// Someone else in the team around the child contests a notice of withdrawal before it runs out: the involvement
/// carries on until a multi-agency meeting decides. The withdrawing agency and its managers are told.
/// </summary>
public sealed class ContestWithdrawal(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid withdrawalId, string? reason, CancellationToken ct = default)
    {
        var withdrawal = await db.Withdrawals.SingleOrDefaultAsync(w => w.Id == withdrawalId, ct);
        if (withdrawal is null)
        {
            return Error.NotFound("Withdrawal");
        }
        var opened = await access.OpenForWorkAsync(actor, withdrawal.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (actor.AgencyId == withdrawal.AgencyId)
        {
            return Error.Forbidden("The withdrawing agency cannot contest its own withdrawal; cancel it instead");
        }
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Error.Invalid("ContestReason", "Say why the agency should stay involved, and what the child would lose");
        }
        if (text.Length > 4_000)
        {
            return Error.Invalid("ContestReason", "The reason must be 4,000 characters or fewer");
        }
        var contested = withdrawal.Contest(actor.PractitionerId!.Value, actor.Name, text, db.Time.GetUtcNow());
        if (!contested.Succeeded)
        {
            return contested;
        }
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == withdrawal.AgencyId).Select(a => a.Name).SingleAsync(ct);
        await FollowUpStory.WriteAsync(db, withdrawal.ChildId, actor.AgencyId!.Value, actor.PractitionerId, actor.Name, EventType.WithdrawalContested,
            $"{actor.Name} contested {agency}'s withdrawal: {text}. {agency} stays involved until a multi-agency meeting decides", true, ct);
        var proposer = await ShareParties.PractitionerAsync(db, withdrawal.ProposedById, ct);
        var managers = await ShareParties.ManagersOfAsync(db, [withdrawal.ProposedById], ct);
        notify.Tell([.. proposer, .. managers, .. await CaseworkAccess.TeamAroundAsync(db, withdrawal.ChildId, ct)], withdrawal.ChildId,
            $"{agency}'s withdrawal from a child has been contested", $"By {actor.Name}. A multi-agency meeting must decide; the involvement continues until then.",
            $"/withdrawals/{withdrawal.Id}");
        db.Audit(AuditActions.WithdrawalContested, withdrawal.ChildId, subject: $"Withdrawal:{withdrawal.Id}", reason: text);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
