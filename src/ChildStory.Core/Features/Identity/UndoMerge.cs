using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Identity;

/// <summary>
/// Undoes a merge: every event, reference and involvement the merge moved goes back to the record it came from,
/// and the duplicate becomes a record in its own right again. Entries that arrived for the surviving record after
/// the merge stay where they are (nothing says they were the other child's). The merge itself is kept, marked undone.
/// </summary>
public sealed class UndoMerge(ChildStoryDbContext db)
{
    public async Task<Result<int>> RunAsync(Actor actor, Guid mergeId, string? reason, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor) || actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only front door practitioners undo merges");
        }
        var errors = new ValidationErrors().Require("UndoReason", reason, "Say why the merge was wrong").MaxLength("UndoReason", reason, 1000, "The reason");
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var merge = await db.PersonMerges.Include(m => m.Moves).SingleOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null)
        {
            return Error.NotFound("Merge");
        }
        if (merge.IsUndone)
        {
            return Error.Conflict($"This merge was already undone by {merge.UndoneBy}");
        }
        var people = await db.People.Where(p => p.Id == merge.SurvivorId || p.Id == merge.MergedId).ToListAsync(ct);
        if (people.Single(p => p.Id == merge.SurvivorId).MergedIntoId is not null)
        {
            return Error.Conflict("The surviving record has since been merged into another: undo that merge first");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var group in merge.Moves.GroupBy(m => (m.Kind, m.FromPersonId)))
        {
            var ids = group.Select(m => m.RowId).ToList();
            var from = group.Key.FromPersonId;
            foreach (var chunk in ids.Chunk(1000))
            {
                var rows = chunk.ToList();
                _ = group.Key.Kind switch
                {
                    MergeMoveKind.Event => await db.ChronologyEvents.Where(e => rows.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.ChildId, from), ct),
                    MergeMoveKind.AgencyReference => await db.PersonReferences.Where(r => rows.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, from), ct),
                    _ => await db.Involvements.Where(i => rows.Contains(i.Id)).ExecuteUpdateAsync(s => s.SetProperty(i => i.ChildId, from), ct),
                };
            }
        }
        people.Single(p => p.Id == merge.MergedId).UndoMerge();
        merge.Undo(practitionerId, actor.Name, reason!.Trim(), db.Time.GetUtcNow());
        var detail = JsonSerializer.Serialize(new { merge = merge.Id, moved = merge.Moves.Count });
        db.Audit(AuditActions.MergeUndone, merge.SurvivorId, subject: $"PersonMerge:{merge.Id}", detail: detail, reason: merge.UndoReason);
        db.Audit(AuditActions.MergeUndone, merge.MergedId, subject: $"PersonMerge:{merge.Id}", detail: detail, reason: merge.UndoReason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return merge.Moves.Count;
    }
}
