using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// Names the child's lead professional ("Lead Professional — who is this?", Child Three): one of the named workers
/// now involved. There is only ever one: the old lead stands down in the same transaction, and a unique index means
/// that two people naming different leads at the same moment cannot both succeed — the second is told to look again.
/// </summary>
public sealed class NameLeadProfessional(ChildStoryDbContext db, CaseworkAccess access, Notifier notify)
{
    public async Task<Result<bool>> RunAsync(Actor actor, Guid childId, Guid? involvementId, string? reason, CancellationToken ct = default)
    {
        var opened = await access.OpenForWorkAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var today = CaseworkAccess.Today(db);
        var chosen = involvementId is { } id
            ? await db.Involvements.Include(i => i.Practitioner).Include(i => i.Agency).SingleOrDefaultAsync(i => i.Id == id && i.ChildId == childId, ct)
            : null;
        var errors = new ValidationErrors();
        if (chosen is null || (chosen.EndedOn is { } ended && ended < today)) { errors.Add("InvolvementId", "Choose a worker who is involved with the child now"); }
        else if (chosen.Practitioner is null) { errors.Add("InvolvementId", "The lead professional must be a named person: record who in that agency works with the child first"); }
        else if (chosen.EndedOn is not null) { errors.Add("InvolvementId", "This worker is handing over and leaves soon: name the new worker instead"); }
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) { errors.Add("Reason", "Say how this was agreed (for example, at which meeting)"); }
        else if (why.Length > 1_000) { errors.Add("Reason", "The reason must be 1,000 characters or fewer"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        if (chosen!.IsLeadProfessional)
        {
            return Error.Conflict($"{chosen.Practitioner!.DisplayName} is already the lead professional");
        }
        var result = await SwitchAsync(db, childId, chosen, ct);
        if (!result.Succeeded)
        {
            return result;
        }
        await FollowUpStory.WriteAsync(db, childId, chosen.AgencyId, actor.PractitionerId, actor.Name, EventType.LeadProfessionalNamed,
            $"{chosen.Practitioner!.DisplayName} ({chosen.Agency!.Name}) named lead professional: {why}", true, ct);
        notify.Tell(await CaseworkAccess.TeamAroundAsync(db, childId, ct), childId, "A child has a new lead professional",
            $"{chosen.Practitioner.DisplayName}, {chosen.Agency.Name}.", $"/children/{childId}/team");
        db.Audit(AuditActions.LeadProfessionalNamed, childId, subject: $"Involvement:{chosen.Id}", reason: why);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Moves the lead to <paramref name="to"/>: the old lead stands down first and is saved, then the new one, in one
    /// transaction (the unique index must never see two). A clash with someone else's change is a conflict.
    /// </summary>
    internal static async Task<Result<bool>> SwitchAsync(ChildStoryDbContext db, Guid childId, Domain.People.Involvement to, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction = null;
        try
        {
            transaction = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var current = await db.Involvements.Where(i => i.ChildId == childId && i.IsLeadProfessional && i.Id != to.Id).ToListAsync(ct);
            current.ForEach(i => i.StandDownAsLeadProfessional());
            await db.SaveChangesAsync(ct);
            to.MakeLeadProfessional();
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            return true;
        }
        catch (Exception e) when (UniqueViolation.IsClash(e) || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed the lead professional at the same moment: look at the team again and decide");
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
