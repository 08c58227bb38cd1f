using System.Security.Cryptography;
using System.Text;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Audit;

/// <summary>
/// Signs and checks audit checkpoints with HMAC-SHA256 under a key that is never stored in the database: from
/// <c>Audit:CheckpointKey</c>, else from <c>Audit:CheckpointKeyFile</c>, else from a default file beside the database
/// (generated on the first checkpoint, readable by its owner only, and said so in the log). Checking never creates a
/// key: a checkpoint whose key this installation does not hold cannot be trusted, and verify says so.
/// </summary>
public sealed class CheckpointKeys(IOptions<AuditOptions> options, DatabaseSettings database, ILogger<CheckpointKeys> log)
{
    public enum Check
    {
        Valid,
        Invalid,
        UnknownKey,
    }

    private readonly Lock _gate = new();
    private byte[]? _current;

    /// <summary>Signs "the log held <paramref name="sequence"/> entries ending in <paramref name="hash"/> at <paramref name="at"/>".</summary>
    public AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at)
    {
        var key = Current(create: true)!;
        var keyId = KeyId(key);
        at = AuditCheckpoint.Truncate(at);
        return new AuditCheckpoint(sequence, hash, at, keyId, Mac(key, AuditCheckpoint.SignedText(sequence, hash, at, keyId)));
    }

    public Check Verify(AuditCheckpoint checkpoint)
    {
        var key = Known().FirstOrDefault(k => KeyId(k) == checkpoint.KeyId);
        if (key is null)
        {
            return Check.UnknownKey;
        }
        var expected = Convert.FromHexString(Mac(key, checkpoint.SignedText()));
        return checkpoint.Mac.Length == expected.Length * 2 && IsHex(checkpoint.Mac)
            && CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(checkpoint.Mac)) ? Check.Valid : Check.Invalid;
    }

    /// <summary>Where the key comes from, for messages (never the key itself).</summary>
    public string Source => !string.IsNullOrWhiteSpace(options.Value.CheckpointKey) ? "Audit:CheckpointKey" : KeyFile;

    private string KeyFile => string.IsNullOrWhiteSpace(options.Value.CheckpointKeyFile)
        ? AuditFiles.DefaultKeyFile(database)
        : Path.GetFullPath(options.Value.CheckpointKeyFile);

    private IEnumerable<byte[]> Known()
    {
        if (Current(create: false) is { } current)
        {
            yield return current;
        }
        foreach (var retired in options.Value.RetiredCheckpointKeys)
        {
            yield return AuditOptions.Decode(retired)!;
        }
    }

    private byte[]? Current(bool create)
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return _current;
            }
            if (!string.IsNullOrWhiteSpace(options.Value.CheckpointKey))
            {
                return _current = AuditOptions.Decode(options.Value.CheckpointKey);
            }
            var file = KeyFile;
            if (!File.Exists(file))
            {
                if (!create)
                {
                    return null;
                }
                Generate(file);
            }
            var key = AuditOptions.Decode(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"The audit checkpoint key file {file} does not hold a base64 key");
            if (key.Length < AuditOptions.MinimumKeyBytes)
            {
                throw new InvalidOperationException($"The audit checkpoint key in {file} is shorter than {AuditOptions.MinimumKeyBytes} bytes");
            }
            if (AuditFiles.IsReadableByOthers(file))
            {
                log.LogWarning("The audit checkpoint key file {File} can be read by other accounts: make it readable by ChildStory's account only (chmod 600)", file);
            }
            return _current = key;
        }
    }

    private void Generate(string file)
    {
        try
        {
            using var stream = AuditFiles.CreatePrivate(file, FileMode.CreateNew);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuditOptions.MinimumKeyBytes)));
        }
        catch (IOException) when (File.Exists(file))
        {
            return; // another process made it first: use theirs
        }
        log.LogWarning("Generated a new audit checkpoint key in {File}, readable by this account only. Keep it away from the database and its backups, "
            + "or set Audit:CheckpointKey or Audit:CheckpointKeyFile to hold it elsewhere (docs/decisions/0005-audit-log-threat-model.md)", file);
    }

    internal static string KeyId(byte[] key) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes("childstory-audit-key-id:"), .. key]))[..16];

    private static string Mac(byte[] key, string text) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
