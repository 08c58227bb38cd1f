using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Takes events from an agency system, one or a batch of up to 10,000. Each item succeeds or fails on its own;
/// a retried item (same agency, same idempotency key) creates nothing twice. Items are committed in chunks before
/// the answer is sent, so what the answer calls "created" is already safe. The answer never says which child an
/// event was linked to: that would tell an agency about a child it does not work with. See README.md.
/// Each chunk's <c>EventsSubmitted</c> audit entry commits in the chunk's own transaction, so a crash mid-batch leaves
/// no committed event without the entry that accounts for it.
/// </summary>
public sealed class SubmitEvents(ChildStoryDbContext db, LinkEvents link)
{
    public const int MaxBatch = 10_000;
    private const int Chunk = 1_000;

    public sealed record ItemOutcome(int Index, string? IdempotencyKey, string Outcome, Guid? EventId, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Outcome(int Created, int Duplicates, int Rejected, IReadOnlyList<ItemOutcome> Items);

    /// <summary>What one chunk's audit entry says: its part of the batch and its counts (rejected items go with part 1).</summary>
    private sealed record Part(int Number, int Of, int Items, int Rejected);

    private async Task SaveChunkAsync(Guid agencyId, (int Index, ChronologyEvent Event)[] chunk, Part part, ItemOutcome?[] outcomes, CancellationToken ct)
    {
        var keys = chunk.Select(c => c.Event.IdempotencyKey).ToList();
        var existing = await db.ChronologyEvents.AsNoTracking()
            .Where(e => e.AgencyId == agencyId && keys.Contains(e.IdempotencyKey))
            .ToDictionaryAsync(e => e.IdempotencyKey, e => e.Id, ct);
        var fresh = chunk.Where(c => !existing.ContainsKey(c.Event.IdempotencyKey)).Select(c => c.Event).ToList();
        await link.LinkAsync(agencyId, fresh, ct);
        AuditPart(part, fresh.Count, chunk.Length - fresh.Count);
        await EventWriter.WriteAsync(db, fresh, ct);
        db.ChangeTracker.Clear();
        foreach (var (index, e) in chunk)
        {
            outcomes[index] = existing.TryGetValue(e.IdempotencyKey, out var earlier)
                ? new ItemOutcome(index, e.IdempotencyKey, "duplicate", earlier, null)
                : new ItemOutcome(index, e.IdempotencyKey, "created", e.Id, null);
        }
    }

    public Task<Result<Outcome>> RunAsync(Actor actor, IReadOnlyList<EventInput>? items, CancellationToken ct = default) =>
        RunAsync(actor, items?.Select(i => new EventBatch.Item(i)).ToList(), ct);

    /// <summary>Items as read by <see cref="EventBatch"/>: one that could not be read is rejected at its index, with its field's problem.</summary>
    public async Task<Result<Outcome>> RunAsync(Actor actor, IReadOnlyList<EventBatch.Item>? items, CancellationToken ct = default)
    {
        if (actor.AgencyId is not { } agencyId)
        {
            return Error.Forbidden("Only an agency system can submit events");
        }
        if (items is null || items.Count == 0 || items.Count > MaxBatch)
        {
            return Error.Invalid("items", $"Send between 1 and {MaxBatch:N0} events (you sent {items?.Count ?? 0})");
        }
        var now = db.Time.GetUtcNow();
        var outcomes = new ItemOutcome?[items.Count];
        var accepted = new List<(int Index, ChronologyEvent Event)>();
        var keysInBatch = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Input is not { } input)
            {
                outcomes[i] = new ItemOutcome(i, items[i].IdempotencyKey, "rejected", null,
                    items[i].Unreadable ?? new Dictionary<string, string[]> { ["item"] = ["Each item must be an event object, not null"] });
                continue;
            }
            var (built, errors) = EventInputValidation.Build(input, agencyId, now);
            if (built is null)
            {
                outcomes[i] = new ItemOutcome(i, input.IdempotencyKey, "rejected", null, errors.ToDictionary());
            }
            else if (!keysInBatch.Add(built.IdempotencyKey))
            {
                outcomes[i] = new ItemOutcome(i, built.IdempotencyKey, "rejected", null,
                    new Dictionary<string, string[]> { ["idempotencyKey"] = ["This key appears earlier in the same batch"] });
            }
            else
            {
                accepted.Add((i, built));
            }
        }

        var rejected = items.Count - accepted.Count;
        var chunks = accepted.Chunk(Chunk).ToList();
        for (var c = 0; c < chunks.Count; c++)
        {
            var chunk = chunks[c];
            var part = new Part(c + 1, chunks.Count, items.Count, c == 0 ? rejected : 0);
            try
            {
                await SaveChunkAsync(agencyId, chunk, part, outcomes, ct);
            }
            catch (Exception e) when (e is DbUpdateException or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another request saved some of these keys (or learned the same reference) between our read and
                // our write: read again — they are now duplicates — and save the rest.
                db.ChangeTracker.Clear();
                await SaveChunkAsync(agencyId, chunk, part, outcomes, ct);
            }
        }

        var results = outcomes.Select(o => o!).ToList();
        var outcome = new Outcome(results.Count(r => r.Outcome == "created"), results.Count(r => r.Outcome == "duplicate"), results.Count(r => r.Outcome == "rejected"), results);
        if (chunks.Count == 0)
        {
            // Nothing to save: the entry that the whole batch was refused stands alone.
            AuditPart(new Part(1, 1, items.Count, rejected), 0, 0);
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    private void AuditPart(Part part, int created, int duplicates) =>
        db.Audit(AuditActions.EventsSubmitted, detail: JsonSerializer.Serialize(new
        {
            items = part.Items,
            part = part.Number,
            parts = part.Of,
            Created = created,
            Duplicates = duplicates,
            Rejected = part.Rejected,
        }));
}
