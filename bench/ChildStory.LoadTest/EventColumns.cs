using Npgsql;
using NpgsqlTypes;

namespace ChildStory.LoadTest;

/// <summary>
/// The COPY column list, built from the table as it is rather than as it was when this was written: the schema of
/// "ChronologyEvents" grows (match state, subject key, version came after the first release). Each known column
/// gets a value like the app's own; an unknown column is left to its default or null, and an unknown NOT NULL
/// column without a default stops the run with its name, since guessing a value could make the data meaningless.
/// </summary>
internal sealed class EventColumns
{
    private static readonly Dictionary<string, Action<NpgsqlBinaryImporter, EventRow>> Known = new(StringComparer.Ordinal)
    {
        ["Id"] = (w, r) => w.Write(r.Id, NpgsqlDbType.Uuid),
        ["ChildId"] = (w, r) => w.Write(r.Child.Id, NpgsqlDbType.Uuid),
        ["AgencyId"] = (w, r) => w.Write(r.AgencyId, NpgsqlDbType.Uuid),
        ["IdempotencyKey"] = (w, r) => Text(w, r.IdempotencyKey),
        ["Type"] = (w, r) => Text(w, r.Type),
        ["OccurredAt"] = (w, r) => w.Write(r.OccurredAt, NpgsqlDbType.TimestampTz),
        ["RecordedAt"] = (w, r) => w.Write(r.RecordedAt, NpgsqlDbType.TimestampTz),
        ["ReceivedAt"] = (w, r) => w.Write(r.ReceivedAt, NpgsqlDbType.TimestampTz),
        ["Author"] = (w, r) => Text(w, r.Author),
        ["Summary"] = (w, r) => Text(w, r.Summary),
        ["Details"] = (w, r) => Text(w, r.Details),
        ["Significant"] = (w, r) => w.Write(r.Significant, NpgsqlDbType.Boolean),
        ["Verification"] = (w, r) => Text(w, r.Verification),
        ["Sensitivity"] = (w, r) => Text(w, r.Sensitivity),
        ["SensitiveContact"] = (w, r) => Text(w, r.SensitiveContact),
        ["Facts_AttendancePercent"] = (w, r) => Value(w, r.AttendancePercent, NpgsqlDbType.Numeric),
        ["Facts_ChildPresent"] = (w, r) => Value(w, r.ChildPresent, NpgsqlDbType.Boolean),
        ["Facts_ChildSeen"] = (w, r) => Value(w, r.ChildSeen, NpgsqlDbType.Boolean),
        ["Facts_ChildSeenAlone"] = (w, r) => Value(w, r.ChildSeenAlone, NpgsqlDbType.Boolean),
        ["Facts_DomesticAbuse"] = (w, r) => Value(w, r.DomesticAbuse, NpgsqlDbType.Boolean),
        ["Facts_PeriodEnd"] = (w, _) => w.WriteNull(),
        ["Facts_Planned"] = (w, r) => Value(w, r.Planned, NpgsqlDbType.Boolean),
        ["Facts_Successful"] = (w, r) => Value(w, r.Successful, NpgsqlDbType.Boolean),
        ["Subject_DateOfBirth"] = (w, r) => Value(w, r.Child.DateOfBirth, NpgsqlDbType.Date),
        ["Subject_FamilyName"] = (w, r) => Text(w, r.Child.FamilyName),
        ["Subject_GivenName"] = (w, r) => Text(w, r.Child.GivenName),
        ["Subject_NhsNumber"] = (w, r) => Text(w, r.Child.NhsNumber),
        ["Subject_Postcode"] = (w, _) => w.WriteNull(),
        ["Subject_Reference"] = (w, _) => w.WriteNull(),
        ["Subject_Sex"] = (w, r) => Text(w, r.Child.Sex),
        ["Subject_Upn"] = (w, r) => Text(w, r.Child.Upn),
        ["SubjectKey"] = (w, r) => Text(w, r.Child.SubjectKey),
        ["MatchState"] = (w, _) => Text(w, nameof(Domain.Chronology.MatchState.Linked)),
        ["LinkBasis"] = (w, r) => Text(w, r.Child.LinkBasis),
        ["LinkScore"] = (w, _) => w.WriteNull(),
        ["EnteredById"] = (w, _) => w.WriteNull(),
        ["Version"] = (w, _) => w.Write(1, NpgsqlDbType.Integer),
        ["AmendedAt"] = (w, _) => w.WriteNull(),
        ["EnteredInError"] = (w, _) => w.Write(false, NpgsqlDbType.Boolean),
    };

    private EventColumns(List<string> names, List<string> skipped)
    {
        Names = names;
        Skipped = skipped;
        Writers = names.Select(n => Known[n]).ToArray();
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Columns this tool does not know, all nullable or defaulted, so COPY leaves them out.</summary>
    public IReadOnlyList<string> Skipped { get; }

    public Action<NpgsqlBinaryImporter, EventRow>[] Writers { get; }

    public static async Task<EventColumns> ForTableAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var names = new List<string>();
        var skipped = new List<string>();
        var blocking = new List<string>();
        await using var command = new NpgsqlCommand(
            "SELECT column_name, is_nullable = 'YES', column_default IS NOT NULL OR is_generated = 'ALWAYS' OR is_identity = 'YES', data_type " +
            "FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'ChronologyEvents' ORDER BY ordinal_position", connection);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                if (Known.ContainsKey(name))
                {
                    names.Add(name);
                }
                else if (reader.GetBoolean(1) || reader.GetBoolean(2))
                {
                    skipped.Add(name);
                }
                else
                {
                    blocking.Add($"{name} ({reader.GetString(3)})");
                }
            }
        }
        if (names.Count == 0)
        {
            throw new InvalidOperationException("Table \"ChronologyEvents\" was not found: run `childstory db migrate` (or demo) against this database first.");
        }
        if (blocking.Count > 0)
        {
            throw new InvalidOperationException(
                "\"ChronologyEvents\" has NOT NULL column(s) without a default that this generator does not know: " + string.Join(", ", blocking) +
                ". Add a value for each to EventColumns.Known in bench/ChildStory.LoadTest.");
        }
        return new EventColumns(names, skipped);
    }

    public string CopyCommand() =>
        $"COPY \"ChronologyEvents\" ({string.Join(", ", Names.Select(n => $"\"{n}\""))}) FROM STDIN (FORMAT BINARY)";

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Varchar);
        }
    }

    private static void Value<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }
}
