using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Audit;

/// <summary>A checkpoint and where it was found, for messages.</summary>
public sealed record SignedCheckpoint(AuditCheckpoint Checkpoint, bool InFile)
{
    public long Sequence => Checkpoint.Sequence;

    public override string ToString() => $"{Checkpoint} {(InFile ? "in the checkpoint file" : "in the database")}";
}

/// <summary>
/// Gathers the checkpoints kept in the database and in the checkpoint file and checks each one's signature. A
/// checkpoint that does not verify is the first problem: it was forged or altered by somebody without the key (or its
/// key is not available here, and then nothing it says can be relied on).
/// </summary>
public sealed class CheckpointEvidence(ChildStoryDbContext db, CheckpointKeys keys, CheckpointFile file)
{
    public sealed record Evidence(IReadOnlyList<SignedCheckpoint> Stored, IReadOnlyList<SignedCheckpoint> Filed, string? Problem)
    {
        public IEnumerable<SignedCheckpoint> All => Stored.Concat(Filed);

        /// <summary>The checkpoint covering the most entries (a file copy before a database one of the same count).</summary>
        public SignedCheckpoint? Newest => All.OrderByDescending(c => c.Sequence).ThenBy(c => c.InFile ? 0 : 1).FirstOrDefault();
    }

    /// <summary>Every checkpoint, from both places: for a full verify.</summary>
    public async Task<Evidence> GatherAsync(CancellationToken ct)
    {
        var stored = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Sequence).ThenBy(c => c.At).ToListAsync(ct);
        var lines = file.ReadAll();
        if (lines.FirstOrDefault(l => l.Problem is not null) is { } bad)
        {
            return new Evidence([], [], $"The checkpoint file {file.Path} has been altered: {bad.Problem}");
        }
        return Authenticate(stored.Select(c => new SignedCheckpoint(c, false)).ToList(), lines.Select(l => new SignedCheckpoint(l.Checkpoint!, true)).ToList());
    }

    /// <summary>Only the newest checkpoint of each place: what the scheduled job checks the log against before it signs.</summary>
    public async Task<Evidence> GatherNewestAsync(CancellationToken ct)
    {
        var stored = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Sequence).ThenByDescending(c => c.At).FirstOrDefaultAsync(ct);
        var filed = file.ReadLast();
        return Authenticate(
            stored is null ? [] : [new SignedCheckpoint(stored, false)],
            filed is null ? [] : [new SignedCheckpoint(filed, true)]);
    }

    private Evidence Authenticate(IReadOnlyList<SignedCheckpoint> stored, IReadOnlyList<SignedCheckpoint> filed)
    {
        foreach (var signed in stored.Concat(filed))
        {
            switch (keys.Verify(signed.Checkpoint))
            {
                case CheckpointKeys.Check.Invalid:
                    return new Evidence(stored, filed,
                        $"{Capital(signed)} does not carry a valid signature: it was forged or altered by somebody without the checkpoint key");
                case CheckpointKeys.Check.UnknownKey:
                    return new Evidence(stored, filed,
                        $"{Capital(signed)} was signed with a key this installation does not hold (key id {signed.Checkpoint.KeyId}; the key comes from {keys.Source}): "
                        + "restore the key, or list a rotated key in Audit:RetiredCheckpointKeys; until then the checkpoint cannot be trusted");
            }
        }
        return new Evidence(stored, filed, null);
    }

    private static string Capital(SignedCheckpoint signed) => "T" + signed.ToString()[1..];
}
