using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.People;
using ChildStory.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.TeamAroundChild;

/// <summary>
/// A change of worker within an agency, done as co-working: the new worker starts now and the old one stays involved
/// for the partnership's overlap (14 days unless set otherwise), so the child is introduced rather than handed on
/// (James lost his social worker at transition). The lead professional role moves with the work; the introduction
/// to the child is then logged by <see cref="RecordIntroduction"/>, and until it is the record says so.
/// </summary>
public sealed class HandOver(ChildStoryDbContext db, CaseworkAccess access, Notifier notify, IOptions<CaseworkOptions> options)
{
    public async Task<Result<Guid>> RunAsync(Actor actor, Guid involvementId, Guid? newPractitionerId, int? overlapDays, CancellationToken ct = default)
    {
        var old = await db.Involvements.Include(i => i.Practitioner).SingleOrDefaultAsync(i => i.Id == involvementId, ct);
        if (old is null)
        {
            return Error.NotFound("Involvement");
        }
        var opened = await access.OpenForWorkAsync(actor, old.ChildId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        if (old.AgencyId != actor.AgencyId)
        {
            return Error.Forbidden("Only the worker's own agency can hand their work on");
        }
        var today = CaseworkAccess.Today(db);
        if (old.EndedOn is not null)
        {
            return Error.Conflict(old.EndedOn < today ? "This involvement has ended" : "This worker is already handing over");
        }
        var errors = new ValidationErrors();
        var next = newPractitionerId is { } id
            ? await db.Practitioners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.IsActive && p.AgencyId == old.AgencyId, ct)
            : null;
        if (next is null) { errors.Add("NewPractitionerId", "Choose the new worker, an active practitioner in the same agency"); }
        else if (next.Id == old.PractitionerId) { errors.Add("NewPractitionerId", "Choose someone other than the current worker"); }
        var overlap = overlapDays ?? options.Value.CoWorkingDays;
        if (overlap is < 0 or > 90) { errors.Add("OverlapDays", "Co-working must be between 0 and 90 days"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var until = today.AddDays(overlap);
            var successor = new Involvement(Guid.NewGuid(), old.ChildId, old.AgencyId, next!.TeamId, next.Id, old.Role, today);
            successor.TakeOverFrom(old.Id);
            db.Involvements.Add(successor);
            var wasLead = old.IsLeadProfessional;
            old.End(until, $"Handed over to {next.DisplayName}; co-working until {until:d MMM yyyy}");
            if (wasLead)
            {
                await db.SaveChangesAsync(ct);
                var switched = await NameLeadProfessional.SwitchAsync(db, old.ChildId, successor, ct);
                if (!switched.Succeeded)
                {
                    return switched.Error!;
                }
            }
            var from = old.Practitioner?.DisplayName ?? "the previous worker";
            await FollowUpStory.WriteAsync(db, old.ChildId, old.AgencyId, actor.PractitionerId, actor.Name, EventType.InvolvementStarted,
                $"Change of {Words.Role(old.Role).ToLowerInvariant()}: {next.DisplayName} takes over from {from}, co-working until {until:d MMM yyyy}"
                + (wasLead ? "; the lead professional role moves to them" : "") + ". The introduction to the child is to be logged", true, ct);
            notify.Tell(await CaseworkAccess.TeamAroundAsync(db, old.ChildId, ct), old.ChildId, "A child's worker is changing",
                $"{next.DisplayName} takes over from {from}; they co-work until {until:d MMM yyyy}.", $"/children/{old.ChildId}/team");
            db.Audit(AuditActions.WorkerHandedOver, old.ChildId, subject: $"Involvement:{successor.Id}");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return successor.Id;
        }
        catch (Exception e) when (UniqueViolation.IsClash(e) || e is DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed this child's team at the same moment: look at the team again");
        }
    }
}
