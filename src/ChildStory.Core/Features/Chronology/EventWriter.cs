using ChildStory.Data;
using ChildStory.Domain.Chronology;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ChildStory.Features.Chronology;

/// <summary>
/// Writes a chunk of new events in one transaction. On PostgreSQL it uses binary COPY — intake is the hottest write
/// path and EF's per-row INSERTs cost twelve times as much (see bench/IntakeBenchmarks); on SQLite it uses EF.
/// Either way the chunk commits whole or not at all, and the unique (agency, key) index still guards idempotency.
/// </summary>
internal static class EventWriter
{
    public static async Task WriteAsync(ChildStoryDbContext db, IReadOnlyList<ChronologyEvent> events, CancellationToken ct)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            var detect = db.ChangeTracker.AutoDetectChangesEnabled;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            try
            {
                db.ChronologyEvents.AddRange(events);
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.ChangeTracker.AutoDetectChangesEnabled = detect;
            }
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var e in events)
            {
                await writer.StartRowAsync(ct);
                await Write(writer, e.Id, NpgsqlDbType.Uuid, ct);
                await Write(writer, e.ChildId, NpgsqlDbType.Uuid, ct);
                await Write(writer, e.AgencyId, NpgsqlDbType.Uuid, ct);
                await Write(writer, e.IdempotencyKey, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.Type.ToString(), NpgsqlDbType.Varchar, ct);
                await Write(writer, e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                await Write(writer, e.RecordedAt, NpgsqlDbType.TimestampTz, ct);
                await Write(writer, e.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
                await Write(writer, e.Author, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.Summary, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.Details, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.Significant, NpgsqlDbType.Boolean, ct);
                await Write(writer, e.Verification.ToString(), NpgsqlDbType.Varchar, ct);
                await Write(writer, e.Sensitivity.ToString(), NpgsqlDbType.Varchar, ct);
                await Write(writer, e.SensitiveContact, NpgsqlDbType.Varchar, ct);
                var f = e.Facts;
                await Write(writer, f.AttendancePercent, NpgsqlDbType.Numeric, ct);
                await Write(writer, f.BedroomSeen, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.ChildPresent, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.ChildSeen, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.ChildSeenAlone, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.DomesticAbuse, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.PeriodEnd, NpgsqlDbType.TimestampTz, ct);
                await Write(writer, f.Planned, NpgsqlDbType.Boolean, ct);
                await Write(writer, f.Successful, NpgsqlDbType.Boolean, ct);
                var s = e.Subject;
                await Write(writer, s.DateOfBirth, NpgsqlDbType.Date, ct);
                await Write(writer, s.FamilyName, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.GivenName, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.NhsNumber, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.Postcode, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.Reference, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.Sex, NpgsqlDbType.Varchar, ct);
                await Write(writer, s.Upn, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.SubjectKey, NpgsqlDbType.Varchar, ct);
                await Write(writer, e.MatchState.ToString(), NpgsqlDbType.Varchar, ct);
                await Write(writer, e.LinkBasis?.ToString(), NpgsqlDbType.Varchar, ct);
                await Write(writer, e.LinkScore, NpgsqlDbType.Double, ct);
                await Write(writer, e.EnteredById, NpgsqlDbType.Uuid, ct);
                await Write(writer, e.Version, NpgsqlDbType.Integer, ct);
                await Write(writer, e.AmendedAt, NpgsqlDbType.TimestampTz, ct);
                await Write(writer, e.EnteredInError, NpgsqlDbType.Boolean, ct);
                await Write(writer, (long)e.Concerns, NpgsqlDbType.Bigint, ct);
            }
            await writer.CompleteAsync(ct);
        }
        // Whatever else the chunk added (references learned while linking, its audit entry) commits with the events; the children they
        // are about are queued for the safeguarding rules (COPY passes by the change tracker that would queue them).
        if (db.AuditChildChanges)
        {
            var now = db.Time.GetUtcNow();
            db.RuleWork.AddRange(events.Where(e => e.ChildId is not null).Select(e => e.ChildId!.Value).Distinct().Select(id => new Domain.Rules.RuleWork(id, now)));
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private const string Copy =
        "COPY \"ChronologyEvents\" (\"Id\", \"ChildId\", \"AgencyId\", \"IdempotencyKey\", \"Type\", \"OccurredAt\", \"RecordedAt\", \"ReceivedAt\", " +
        "\"Author\", \"Summary\", \"Details\", \"Significant\", \"Verification\", \"Sensitivity\", \"SensitiveContact\", " +
        "\"Facts_AttendancePercent\", \"Facts_BedroomSeen\", \"Facts_ChildPresent\", \"Facts_ChildSeen\", \"Facts_ChildSeenAlone\", \"Facts_DomesticAbuse\", " +
        "\"Facts_PeriodEnd\", \"Facts_Planned\", \"Facts_Successful\", \"Subject_DateOfBirth\", \"Subject_FamilyName\", \"Subject_GivenName\", " +
        "\"Subject_NhsNumber\", \"Subject_Postcode\", \"Subject_Reference\", \"Subject_Sex\", \"Subject_Upn\", " +
        "\"SubjectKey\", \"MatchState\", \"LinkBasis\", \"LinkScore\", \"EnteredById\", \"Version\", \"AmendedAt\", \"EnteredInError\", \"Concerns\") FROM STDIN (FORMAT BINARY)";

    private static Task Write<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
