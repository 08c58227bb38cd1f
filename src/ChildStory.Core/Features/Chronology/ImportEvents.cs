using System.Text;
using ChildStory.Common;
using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

/// <summary>
/// <c>childstory import events FILE --agency CODE</c>: the API's intake, fed from a CSV or JSON-lines file in
/// batches, with a rejects file listing every bad line and why. Re-running an import creates nothing twice.
/// </summary>
public sealed class ImportEvents(ChildStoryDbContext db, SubmitEvents submit)
{
    private const int BatchSize = 5_000;

    public sealed record Summary(int Lines, int Created, int Duplicates, int Rejected, string? RejectsPath);

    public async Task<Result<Summary>> RunAsync(string path, string agencyCode, string rejectsPath, IProgress<int>? progress, CancellationToken ct = default)
    {
        var code = agencyCode.Trim().ToUpperInvariant();
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == code && a.IsActive).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(ct);
        if (agency is null)
        {
            return Error.Invalid("agency", $"No active agency has the code '{code}'");
        }
        if (!File.Exists(path))
        {
            return Error.Invalid("file", $"There is no file at {path}");
        }
        var actor = new Actor(ActorKind.System, Guid.Empty, $"import of {Path.GetFileName(path)} for {agency.Name}", null, agency.Id, null, new HashSet<string>());
        using var reader = new StreamReader(path, Encoding.UTF8);
        await using var rejects = new StreamWriter(rejectsPath, append: false, Encoding.UTF8);
        await rejects.WriteLineAsync("line,idempotency_key,problem");
        int lines = 0, created = 0, duplicates = 0, rejected = 0;
        var batch = new List<EventFile.Line>(BatchSize);

        async Task FlushAsync()
        {
            if (batch.Count == 0) { return; }
            var result = await submit.RunAsync(actor, batch.Select(l => l.Input!).ToList(), ct);
            foreach (var item in result.Value.Items)
            {
                if (item.Errors is { } errors)
                {
                    await WriteRejectAsync(rejects, batch[item.Index].Number, item.IdempotencyKey,
                        string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));
                }
            }
            (created, duplicates, rejected) = (created + result.Value.Created, duplicates + result.Value.Duplicates, rejected + result.Value.Rejected);
            batch.Clear();
            progress?.Report(lines);
        }

        try
        {
            foreach (var line in EventFile.Read(path, reader))
            {
                lines++;
                if (line.Input is null)
                {
                    rejected++;
                    await WriteRejectAsync(rejects, line.Number, line.Key, line.Problem!);
                    continue;
                }
                batch.Add(line);
                if (batch.Count == BatchSize) { await FlushAsync(); }
            }
        }
        catch (FormatException e)
        {
            return Error.Invalid("file", e.Message);
        }
        await FlushAsync();
        return new Summary(lines, created, duplicates, rejected, rejected > 0 ? rejectsPath : null);
    }

    private static Task WriteRejectAsync(StreamWriter rejects, int line, string? key, string problem) =>
        rejects.WriteLineAsync($"{line},{Quote(key ?? "")},{Quote(problem)}");

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') || text.Contains('\n') ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
