using System.Globalization;
using System.Text;
using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Chronology;
using ChildStory.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Chronology;

public enum ExportFormat
{
    Csv,
    Pdf,
}

/// <summary>A file to download: its name, media type and bytes.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The chronology (or the filtered part of it) in the form a safeguarding practice review panel works from:
/// date, agency, event, what happened, significance, source and author, one line per entry, amended and
/// entered-in-error entries marked. Sensitive entries the reader may not read appear with whom to ask, never their
/// content. Every export is audited with its format and filter, because it leaves the system.
/// </summary>
public sealed class ExportStory(ChildStoryDbContext db, ChildAccess access)
{
    public const int MaxEntries = 50_000;

    public async Task<Result<ExportedFile>> RunAsync(Actor actor, Guid childId, StoryFilter filter, ExportFormat format, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new { p.GivenName, p.FamilyName, p.DateOfBirth, p.NhsNumber }).SingleAsync(ct);
        var events = filter.Apply(db.ChronologyEvents.AsNoTracking().Where(e => e.ChildId == childId));
        var entries = await StoryLoader.EntriesAsync(db, events.OrderBy(e => e.OccurredAt).Take(MaxEntries), actor.AgencyId, ct);
        entries = filter.Order == StoryOrder.OldestFirst
            ? [.. entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)]
            : [.. entries.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id)];

        var now = db.Time.GetUtcNow();
        var title = $"{child.GivenName} {child.FamilyName}";
        var stem = $"chronology-{Slug(title)}-{now:yyyyMMdd}";
        var heading = new StoryPdf.Heading(title, child.DateOfBirth, child.NhsNumber, actor.Name, now, Describe(filter, await AgencyNames(filter, ct)), entries.Count);
        var file = format == ExportFormat.Csv
            ? new ExportedFile($"{stem}.csv", "text/csv; charset=utf-8", Csv(entries))
            : new ExportedFile($"{stem}.pdf", "application/pdf", StoryPdf.Render(heading, entries));

        db.Audit(AuditActions.StoryExported, childId, detail: JsonSerializer.Serialize(new
        {
            format = format.ToString(),
            entries = entries.Count,
            basis = opened.Value.ToString(),
            agencies = filter.Agencies,
            types = filter.Types.Select(t => t.ToString()),
            filter.SignificantOnly,
            from = filter.From,
            to = filter.To,
        }));
        await db.SaveChangesAsync(ct);
        return file;
    }

    public static readonly string[] CsvColumns =
        ["date", "time_utc", "agency", "event", "what_happened", "significant", "verification", "source", "author", "recorded_at", "version", "entered_in_error"];

    private static byte[] Csv(IReadOnlyList<StoryEntry> entries)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', CsvColumns));
        foreach (var e in entries)
        {
            csv.AppendLine(string.Join(',', new[]
            {
                e.OccurredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.OccurredAt.ToString("HH:mm", CultureInfo.InvariantCulture), e.Agency,
                EventTypes.Describe(e.Type), WhatHappened(e), e.Significant ? "yes" : "no", e.Verification == Verification.Verified ? "verified" : "hearsay",
                e.Source, e.Author, e.RecordedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                e.Version.ToString(CultureInfo.InvariantCulture), e.EnteredInError ? "yes" : "no",
            }.Select(Quote)));
        }
        // A byte-order mark so that spreadsheet programs read names with accents correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>What a panel reads for the entry: its content, or — for a sensitive entry it may not read — whom to ask.</summary>
    internal static string WhatHappened(StoryEntry e) => e.Summary is null
        ? $"Sensitive entry ({e.Sensitivity}): content held by {e.Agency}; ask {e.AskContact}"
        : e.Details is null ? e.Summary : $"{e.Summary}. {e.Details}";

    /// <summary>RFC 4180 quoting, and a leading quote mark for text a spreadsheet would run as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private async Task<Dictionary<Guid, string>> AgencyNames(StoryFilter filter, CancellationToken ct) => filter.Agencies.Count == 0
        ? []
        : await db.Agencies.AsNoTracking().Where(a => filter.Agencies.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

    internal static string Describe(StoryFilter filter, IReadOnlyDictionary<Guid, string> agencyNames)
    {
        if (!filter.IsFiltered)
        {
            return "Every entry from every agency";
        }
        var parts = new List<string>();
        if (filter.Agencies.Count > 0) { parts.Add("from " + string.Join(", ", filter.Agencies.Select(a => agencyNames.GetValueOrDefault(a, "an unknown agency")))); }
        if (filter.Types.Count > 0) { parts.Add("of kinds: " + string.Join(", ", filter.Types.Select(EventTypes.Describe))); }
        if (filter.SignificantOnly) { parts.Add("significant only"); }
        if (filter.From is { } f) { parts.Add($"from {f:d MMM yyyy}"); }
        if (filter.To is { } t) { parts.Add($"to {t:d MMM yyyy}"); }
        return "Entries " + string.Join("; ", parts);
    }

    private static string Slug(string text) =>
        string.Concat(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
}
