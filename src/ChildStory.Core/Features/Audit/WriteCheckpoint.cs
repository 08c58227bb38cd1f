using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChildStory.Features.Audit;

/// <summary>
/// Signs the audit log's current length and last hash and keeps the checkpoint in three places: the
/// <c>AuditCheckpoints</c> table, the checkpoint file outside the database, and the application log. Before it signs, it
/// checks the log from the newest checkpoint to its end; if that does not hold, it refuses, so that a rewritten or
/// shortened log is never signed as if it were genuine. Run by the web app every <c>Audit:CheckpointIntervalSeconds</c>
/// and by <c>childstory audit checkpoint</c>.
/// </summary>
public sealed class WriteCheckpoint(ChildStoryDbContext db, CheckpointEvidence evidence, VerifyAuditChain verify, CheckpointKeys keys,
    CheckpointFile file, ILogger<WriteCheckpoint> log)
{
    public sealed record Outcome(AuditCheckpoint? Checkpoint, string? Problem, string? Note)
    {
        public bool Refused => Problem is not null;
    }

    /// <param name="evenIfUnchanged">Sign even when the log has not grown since the newest checkpoint (on demand).</param>
    public async Task<Outcome> RunAsync(bool evenIfUnchanged = false, CancellationToken ct = default)
    {
        var newest = await evidence.GatherNewestAsync(ct);
        if (newest.Problem is not null)
        {
            return Refuse(newest.Problem);
        }
        var since = newest.Newest;
        var walk = since is null
            ? await FullWalkAsync(ct)
            : await verify.CheckSinceAsync(since.Checkpoint, ct);
        if (walk.Problem is not null)
        {
            return Refuse(walk.Problem);
        }
        if (walk.LastSequence == 0)
        {
            return new Outcome(null, null, "The audit log is empty: there is nothing to sign yet");
        }
        if (!evenIfUnchanged && since is not null && since.Sequence == walk.LastSequence && since.Checkpoint.Hash == walk.LastHash)
        {
            return new Outcome(since.Checkpoint, null, "The log has not grown since the newest checkpoint");
        }
        var checkpoint = keys.Sign(walk.LastSequence, walk.LastHash, db.Time.GetUtcNow());
        db.AuditCheckpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        db.Entry(checkpoint).State = EntityState.Detached;
        // The database first: a crash between the two leaves a checkpoint only in the database, which verify accepts;
        // the other way round it would leave one only in the file, which verify reports as a deleted checkpoint.
        file.Append(checkpoint);
        log.LogInformation("Audit checkpoint: {Entries} entries, last hash {Hash}, at {At:O}, key {KeyId}, MAC {Mac}",
            checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.KeyId, checkpoint.Mac);
        return new Outcome(checkpoint, null, null);
    }

    private async Task<VerifyAuditChain.Walk> FullWalkAsync(CancellationToken ct)
    {
        // No checkpoint yet: the first one is signed only over a log that verifies from entry 1.
        var report = await verify.RunAsync(ct: ct);
        return new VerifyAuditChain.Walk(report.EntriesChecked, report.Intact ? report.EntriesChecked : 0, report.LastHash, report.FirstBadSequence, report.Problem);
    }

    private Outcome Refuse(string problem)
    {
        log.LogCritical("Audit checkpoint refused: {Problem}. Run `childstory audit verify` and investigate before anything else", problem);
        return new Outcome(null, problem, null);
    }
}
