using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Identity;

/// <summary>
/// Two records found to be one child: the duplicate's events, agency references and involvements move to the
/// record that stays, each move written down (<see cref="MergeMove"/>) so that <see cref="UndoMerge"/> can put every
/// one back. The duplicate is kept, marked as merged. One transaction; audited on both records.
/// </summary>
public sealed class MergeRecords(ChildStoryDbContext db)
{
    public sealed record Command(Guid SurvivorId, Guid DuplicateId, string? Reason);

    public async Task<Result<Guid>> RunAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        if (!actor.IsInRole(Roles.FrontDoor) || actor.PractitionerId is not { } practitionerId)
        {
            return Error.Forbidden("Only front door practitioners merge records");
        }
        var errors = new ValidationErrors().Require("Reason", command.Reason, "Say why these records are the same child").MaxLength("Reason", command.Reason, 1000, "The reason");
        if (command.SurvivorId == command.DuplicateId)
        {
            errors.Add("DuplicateId", "Choose a different record: a record cannot be merged with itself");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var people = await db.People.Where(p => (p.Id == command.SurvivorId || p.Id == command.DuplicateId) && p.IsChild).ToListAsync(ct);
        var survivor = people.SingleOrDefault(p => p.Id == command.SurvivorId);
        var duplicate = people.SingleOrDefault(p => p.Id == command.DuplicateId);
        if (survivor is null || duplicate is null)
        {
            return Error.NotFound("Child");
        }
        if (survivor.MergedIntoId is not null || duplicate.MergedIntoId is not null)
        {
            return Error.Conflict("One of these records has already been merged into another");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var merge = new PersonMerge(survivor.Id, duplicate.Id, practitionerId, actor.Name, command.Reason!.Trim(), db.Time.GetUtcNow());
        var events = await db.ChronologyEvents.Where(e => e.ChildId == duplicate.Id).Select(e => e.Id).ToListAsync(ct);
        var references = await db.PersonReferences.Where(r => r.PersonId == duplicate.Id).Select(r => r.Id).ToListAsync(ct);
        var involvements = await db.Involvements.Where(i => i.ChildId == duplicate.Id).Select(i => i.Id).ToListAsync(ct);
        merge.Moves.AddRange(events.Select(id => new MergeMove(merge.Id, MergeMoveKind.Event, id, duplicate.Id)));
        merge.Moves.AddRange(references.Select(id => new MergeMove(merge.Id, MergeMoveKind.AgencyReference, id, duplicate.Id)));
        merge.Moves.AddRange(involvements.Select(id => new MergeMove(merge.Id, MergeMoveKind.Involvement, id, duplicate.Id)));
        db.PersonMerges.Add(merge);
        duplicate.MergeInto(survivor.Id);
        var detail = JsonSerializer.Serialize(new { merge = merge.Id, survivor = survivor.Id, duplicate = duplicate.Id, events = events.Count, references = references.Count, involvements = involvements.Count });
        db.Audit(AuditActions.RecordsMerged, survivor.Id, subject: $"PersonMerge:{merge.Id}", detail: detail, reason: merge.Reason);
        db.Audit(AuditActions.RecordsMerged, duplicate.Id, subject: $"PersonMerge:{merge.Id}", detail: detail, reason: merge.Reason);
        await db.SaveChangesAsync(ct);
        await db.ChronologyEvents.Where(e => e.ChildId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ChildId, survivor.Id), ct);
        await db.PersonReferences.Where(r => r.PersonId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonId, survivor.Id), ct);
        await db.Involvements.Where(i => i.ChildId == duplicate.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ChildId, survivor.Id), ct);
        await transaction.CommitAsync(ct);
        return merge.Id;
    }
}
