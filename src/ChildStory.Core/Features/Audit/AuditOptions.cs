using Microsoft.Extensions.Options;

namespace ChildStory.Features.Audit;

/// <summary>
/// The <c>Audit</c> settings: where the checkpoint key and the checkpoint file live and how often checkpoints are
/// written. With neither key setting, a key is generated into a file beside the SQLite database (or in the app's data
/// folder for PostgreSQL) the first time a checkpoint is written — fine for the demo, not for production, where the key
/// belongs in a secret store and the file on storage the database's administrators cannot write. See
/// docs/decisions/0005-audit-log-threat-model.md.
/// </summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The checkpoint key, base64, at least 32 bytes. Takes precedence over <see cref="CheckpointKeyFile"/>.</summary>
    public string? CheckpointKey { get; set; }

    /// <summary>A file holding the checkpoint key as base64 (created, readable by its owner only, if it does not exist).</summary>
    public string? CheckpointKeyFile { get; set; }

    /// <summary>Earlier keys, base64: checkpoints they signed still verify after the key is rotated.</summary>
    public string[] RetiredCheckpointKeys { get; set; } = [];

    /// <summary>The append-only file every checkpoint is also written to; by default beside the database.</summary>
    public string? CheckpointFile { get; set; }

    /// <summary>How often the web app writes a checkpoint when the log has grown; 0 switches the job off.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 60;

    public const int MinimumKeyBytes = 32;

    public IEnumerable<string> Problems()
    {
        if (CheckpointIntervalSeconds < 0)
        {
            yield return "Audit:CheckpointIntervalSeconds must be 0 (off) or more";
        }
        if (!string.IsNullOrWhiteSpace(CheckpointKey) && !IsKey(CheckpointKey))
        {
            yield return $"Audit:CheckpointKey must be base64 of at least {MinimumKeyBytes} random bytes";
        }
        for (var i = 0; i < RetiredCheckpointKeys.Length; i++)
        {
            if (!IsKey(RetiredCheckpointKeys[i]))
            {
                yield return $"Audit:RetiredCheckpointKeys:{i} must be base64 of at least {MinimumKeyBytes} bytes";
            }
        }
    }

    internal static bool IsKey(string text) => Decode(text) is { Length: >= MinimumKeyBytes };

    internal static byte[]? Decode(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>Refuses start-up (and every CLI verb) on bad Audit settings, naming each key.</summary>
public sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
