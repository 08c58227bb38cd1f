using System.Globalization;

namespace ChildStory.Domain.Audit;

/// <summary>
/// A signed statement "the audit log held <see cref="Sequence"/> entries, the last of them hashing to
/// <see cref="Hash"/>, at <see cref="At"/>". The signature is an HMAC-SHA256 with a key kept outside the database, so
/// somebody who can write to the database can delete checkpoints but cannot make one that verifies; a copy of each
/// checkpoint also goes to a file outside the database. Verifying the log against its checkpoints detects the newest
/// entries being deleted (the count falls short) and history being rewritten with every later hash recomputed (the
/// named entry's hash no longer matches). See docs/decisions/0005-audit-log-threat-model.md.
/// </summary>
public sealed class AuditCheckpoint
{
    private AuditCheckpoint() { }

    internal AuditCheckpoint(long sequence, string hash, DateTimeOffset at, string keyId, string mac)
    {
        Id = Guid.NewGuid();
        Sequence = sequence;
        Hash = hash;
        At = at;
        KeyId = keyId;
        Mac = mac;
    }

    public Guid Id { get; private set; }

    /// <summary>The sequence number of the last entry covered, which is also how many entries the log held (sequences run 1, 2, 3…).</summary>
    public long Sequence { get; private set; }

    /// <summary>The hash of entry <see cref="Sequence"/>.</summary>
    public string Hash { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>Which key signed it (a fingerprint of the key, never the key), so that a rotated key's checkpoints still verify.</summary>
    public string KeyId { get; private set; } = "";

    /// <summary>HMAC-SHA256 over <see cref="SignedText"/>, lower-case hex.</summary>
    public string Mac { get; private set; } = "";

    /// <summary>Whole microseconds, the precision both databases keep, so a stored checkpoint signs as it did when written.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The exact text the MAC covers: a version tag, the count, the last hash, the time and the key's fingerprint.</summary>
    public static string SignedText(long sequence, string hash, DateTimeOffset at, string keyId) => string.Join('\u001f',
        "childstory-audit-checkpoint-v1",
        sequence.ToString(CultureInfo.InvariantCulture),
        hash,
        at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        keyId);

    public string SignedText() => SignedText(Sequence, Hash, At, KeyId);

    public override string ToString() => $"the checkpoint of {At.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC ({Sequence:N0} entries)";
}
