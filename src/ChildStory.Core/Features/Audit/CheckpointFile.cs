using System.Text;
using System.Text.Json;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using Microsoft.Extensions.Options;

namespace ChildStory.Features.Audit;

/// <summary>
/// The copy of every checkpoint kept outside the database: one JSON line per checkpoint appended to
/// <c>Audit:CheckpointFile</c> (by default beside the database), readable and writable by ChildStory's account only.
/// Somebody who empties both audit tables cannot empty this file unless they also hold the host; then verify still
/// finds the last checkpoint here and reports the log as truncated.
/// </summary>
public sealed class CheckpointFile(IOptions<AuditOptions> options, DatabaseSettings database)
{
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One line of the file: a checkpoint, or why the line is not one.</summary>
    public sealed record Line(int Number, AuditCheckpoint? Checkpoint, string? Problem);

    private sealed record Stored(long Sequence, string Hash, DateTimeOffset At, string KeyId, string Mac);

    public string Path => AuditFiles.CheckpointFile(options.Value, database);

    public void Append(AuditCheckpoint checkpoint)
    {
        var line = JsonSerializer.Serialize(new Stored(checkpoint.Sequence, checkpoint.Hash, checkpoint.At, checkpoint.KeyId, checkpoint.Mac), Json) + "\n";
        lock (Gate)
        {
            // One write of one short line in append mode: writers in other processes cannot interleave inside it.
            using var stream = AuditFiles.CreatePrivate(Path, FileMode.Append);
            stream.Write(Encoding.UTF8.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every line, in order; an empty list when the file does not exist.</summary>
    public IReadOnlyList<Line> ReadAll()
    {
        if (!File.Exists(Path))
        {
            return [];
        }
        var lines = new List<Line>();
        var number = 0;
        foreach (var text in File.ReadLines(Path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                lines.Add(Parse(number, text));
            }
        }
        return lines;
    }

    /// <summary>The last checkpoint in the file without reading all of it (the scheduled job asks every interval).</summary>
    public AuditCheckpoint? ReadLast()
    {
        if (!File.Exists(Path))
        {
            return null;
        }
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var length = (int)Math.Min(stream.Length, 8_192);
        stream.Seek(-length, SeekOrigin.End);
        var buffer = new byte[length];
        stream.ReadExactly(buffer);
        var last = Encoding.UTF8.GetString(buffer).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return last is null ? null : Parse(0, last).Checkpoint;
    }

    private static Line Parse(int number, string text)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(text, Json);
            if (stored is { Hash: not null, KeyId: not null, Mac: not null })
            {
                return new Line(number, new AuditCheckpoint(stored.Sequence, stored.Hash, stored.At, stored.KeyId, stored.Mac), null);
            }
        }
        catch (JsonException)
        {
        }
        return new Line(number, null, $"line {number} is not a checkpoint");
    }
}
