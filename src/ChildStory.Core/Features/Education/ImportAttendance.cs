using System.Globalization;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>
/// Attendance (and the roll) from a school's management information system: the CLI's <c>childstory import attendance
/// FILE --school CODE</c> and the API's <c>POST /api/v1/education/attendance</c> (README, "Attendance import"). Every
/// line succeeds or fails on its own, naming its line and column; good lines are kept, bad lines refused; a re-import
/// of the same period for the same pupil updates it and creates nothing twice.
/// </summary>
public sealed class ImportAttendance(ChildStoryDbContext db, EducationAccess access)
{
    public const int MaxLines = 20_000;

    public static readonly string[] Columns = ["upn", "period_start", "period_end", "possible_sessions", "attended_sessions", "on_roll_from"];

    /// <summary>
    /// One line as read: its number in the file (or position in the request) and its cells by column name; or, for a
    /// line that could not be read at all (a null or wrong-typed API item), why, by column — it is rejected on its own.
    /// </summary>
    public sealed record Line(int Number, IReadOnlyDictionary<string, string?> Cells, IReadOnlyDictionary<string, string[]>? Unreadable = null);

    /// <summary>What happened to one line: created, updated, unchanged or rejected, with each column's problem.</summary>
    public sealed record LineResult(int Line, string Outcome, IReadOnlyDictionary<string, string[]>? Errors);

    public sealed record Outcome(int Lines, int Created, int Updated, int Unchanged, int Rejected, IReadOnlyList<LineResult> Results);

    /// <summary>Reads a CSV with a header row naming the columns (any order; on_roll_from optional).</summary>
    public static Result<List<Line>> ReadCsv(TextReader reader)
    {
        var lines = new List<Line>();
        string[]? header = null;
        foreach (var (number, fields) in Chronology.CsvReader.Read(reader))
        {
            if (header is null)
            {
                header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                var missing = Columns[..5].Where(c => !header.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    return Error.Invalid("file", $"Line 1: the header must name the columns {string.Join(", ", Columns[..5])} (missing: {string.Join(", ", missing)})");
                }
                continue;
            }
            var cells = new Dictionary<string, string?>();
            for (var i = 0; i < header.Length && i < fields.Length; i++)
            {
                cells[header[i]] = fields[i];
            }
            lines.Add(new Line(number, cells));
            if (lines.Count > MaxLines)
            {
                return Error.Invalid("file", $"A file may hold at most {MaxLines:N0} lines: split it");
            }
        }
        return header is null ? Error.Invalid("file", "The file is empty: it needs a header row and at least one line") : lines;
    }

    /// <summary>Imports lines for one school. <paramref name="actor"/>'s agency must be that school, or the actor the system (the CLI).</summary>
    public async Task<Result<Outcome>> RunAsync(Actor actor, Guid schoolId, IReadOnlyList<Line> lines, CancellationToken ct = default)
    {
        var school = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == schoolId && a.IsActive, ct);
        if (school is null || school.Kind != AgencyKind.School)
        {
            return Error.Invalid("school", "Attendance is imported for an active school");
        }
        if (actor.Kind != ActorKind.System && actor.AgencyId != schoolId)
        {
            return Error.Forbidden("A school imports its own pupils' attendance");
        }
        if (lines.Count > MaxLines)
        {
            return Error.Invalid("lines", $"At most {MaxLines:N0} lines at once");
        }
        var today = EducationAccess.Today(db);
        var results = new List<LineResult>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var line in lines)
        {
            var (outcome, errors) = line.Unreadable is { } unreadable ? ("rejected", unreadable) : await ImportLineAsync(actor, school, line, today, ct);
            results.Add(new LineResult(line.Number, errors is null ? outcome : "rejected", errors));
            created += outcome == "created" && errors is null ? 1 : 0;
            updated += outcome == "updated" && errors is null ? 1 : 0;
            unchanged += outcome == "unchanged" && errors is null ? 1 : 0;
        }
        db.Audit(AuditActions.AttendanceImported, subject: $"Agency:{schoolId}",
            detail: $"{{\"lines\":{lines.Count},\"created\":{created},\"updated\":{updated},\"rejected\":{results.Count(r => r.Errors is not null)}}}");
        await db.SaveChangesAsync(ct);
        return new Outcome(lines.Count, created, updated, unchanged, results.Count(r => r.Errors is not null), results);
    }

    private async Task<(string Outcome, IReadOnlyDictionary<string, string[]>? Errors)> ImportLineAsync(Actor actor, Agency school, Line line, DateOnly today, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        string? Cell(string name) => line.Cells.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        DateOnly? Date(string name, bool required)
        {
            var text = Cell(name);
            if (text is null)
            {
                if (required) { errors.Add(name, $"Enter {name} as yyyy-MM-dd"); }
                return null;
            }
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                errors.Add(name, $"'{text}' is not a date as yyyy-MM-dd");
                return null;
            }
            if (d > today) { errors.Add(name, "The date cannot be in the future"); }
            return d;
        }
        int? Count(string name)
        {
            var text = Cell(name);
            if (text is null || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1_000)
            {
                errors.Add(name, $"Enter {name} as a whole number from 0 to 1000");
                return null;
            }
            return n;
        }
        var upn = UniquePupilNumber.Parse(Cell("upn"));
        if (!upn.IsValid) { errors.Add("upn", upn.Problem); }
        var start = Date("period_start", true);
        var end = Date("period_end", true);
        var possible = Count("possible_sessions");
        var attended = Count("attended_sessions");
        var rollFrom = Date("on_roll_from", false);
        if (start is not null && end is not null && (end < start || end.Value.DayNumber - start.Value.DayNumber > 100))
        {
            errors.Add("period_end", "The period must end on or after its start, and cover at most 100 days (a week or a half-term)");
        }
        if (possible is not null && attended > possible) { errors.Add("attended_sessions", "Attended sessions cannot be more than possible sessions"); }
        if (rollFrom > end) { errors.Add("on_roll_from", "The pupil must be on roll from before the period ends"); }
        if (errors.Any)
        {
            return ("rejected", errors.ToDictionary());
        }
        var childId = await db.People.AsNoTracking().Where(p => p.IsChild && p.Upn == upn.Value && p.MergedIntoId == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (childId is not { } child)
        {
            return ("rejected", errors.Add("upn", "No child in ChildStory has this UPN").ToDictionary());
        }
        var enrolments = await db.Enrolments.Where(e => e.ChildId == child && e.SchoolId == school.Id).ToListAsync(ct);
        // Lines earlier in this import may have put the pupil on roll already (not yet saved).
        enrolments.AddRange(db.Enrolments.Local.Where(e => e.ChildId == child && e.SchoolId == school.Id && !enrolments.Contains(e)));
        var onRoll = enrolments.Any(e => e.StartedOn <= end && (e.EndedOn == null || e.EndedOn >= start));
        if (!onRoll && rollFrom is null)
        {
            return ("rejected", errors.Add("upn", $"The pupil is not on the roll of {school.Name} for this period: give on_roll_from to add them to the roll").ToDictionary());
        }
        if (!onRoll && enrolments.Any(e => e.EndedOn == null))
        {
            return ("rejected", errors.Add("on_roll_from", $"The pupil's open roll place at {school.Name} starts after this period").ToDictionary());
        }
        if (!onRoll)
        {
            var enrolment = new Enrolment(Guid.NewGuid(), child, school.Id, rollFrom!.Value);
            if (await access.InvolveAsync(child, school.Id, null, InvolvementRole.DesignatedSafeguardingLead, rollFrom.Value, ct) is { } involvement)
            {
                enrolment.GrantedBy(involvement);
            }
            db.Enrolments.Add(enrolment);
            db.Audit(AuditActions.EducationRecorded, child, subject: $"Enrolment:{enrolment.Id}");
        }
        var existing = db.AttendanceRecords.Local.FirstOrDefault(a => a.ChildId == child && a.SchoolId == school.Id && a.PeriodStart == start && a.PeriodEnd == end)
            ?? await db.AttendanceRecords.SingleOrDefaultAsync(a => a.ChildId == child && a.SchoolId == school.Id && a.PeriodStart == start && a.PeriodEnd == end, ct);
        if (existing is not null)
        {
            return (existing.Set(possible!.Value, attended!.Value) ? "updated" : "unchanged", null);
        }
        db.AttendanceRecords.Add(new AttendanceRecord(Guid.NewGuid(), child, school.Id, start!.Value, end!.Value, possible!.Value, attended!.Value,
            actor.Kind == ActorKind.System ? "import" : "api"));
        return ("created", null);
    }
}
