using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Cli;

/// <summary><c>childstory import attendance</c>: good lines kept, each bad line named with its line and column, re-runs create nothing twice.</summary>
public abstract class ImportAttendanceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("childstory-attendance-").FullName;
    private const string Twelve = "823456789012";
    private static readonly string Upn = UniquePupilNumber.CheckLetter(Twelve) + Twelve;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var db = _db.CreateContext();
        db.Agencies.Add(new Agency(Guid.NewGuid(), "HILL", "Hill School", AgencyKind.School));
        var child = new Person(Guid.NewGuid(), "Leo", "Marsh", new DateOnly(2013, 5, 4), Gender.Male, isChild: true);
        child.SetUpn(Upn);
        db.People.Add(child);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_attendance_csv_keeps_good_lines_names_each_bad_line_and_column_and_creates_nothing_twice()
    {
        var file = Path.Combine(_folder, "attendance.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "upn,period_start,period_end,possible_sessions,attended_sessions,on_roll_from",
            $"{Upn},2025-09-01,2025-10-24,76,40,2025-09-01",
            $"{Upn},2025-11-03,2025-12-19,70,71,",
            $"{Upn},2025-11-03,19/12/2025,70,50,",
            "Z99999999999Z,2025-11-03,2025-12-19,70,50,"));

        var (code, output) = await CliProcess.RunAsync(_db.Settings, "import", "attendance", file, "--school", "hill");
        Assert.True(code == 1, output);
        Assert.Contains("4 lines: 1 created, 0 updated, 0 unchanged, 3 rejected.", output);
        Assert.Contains("line 3, attended_sessions: Attended sessions cannot be more than possible sessions", output);
        Assert.Contains("line 4, period_end: '19/12/2025' is not a date as yyyy-MM-dd", output);
        Assert.Contains("line 5, upn:", output);

        var (again, rerun) = await CliProcess.RunAsync(_db.Settings, "import", "attendance", file, "--school", "HILL");
        Assert.True(again == 1, rerun);
        Assert.Contains("4 lines: 0 created, 0 updated, 1 unchanged, 3 rejected.", rerun);
        await using var db = _db.CreateContext();
        Assert.Equal(1, await db.AttendanceRecords.CountAsync());
        Assert.Equal(1, await db.Enrolments.CountAsync());
        Assert.Equal(1, await db.Involvements.CountAsync(i => i.Role == InvolvementRole.DesignatedSafeguardingLead));

        var (unknown, message) = await CliProcess.RunAsync(_db.Settings, "import", "attendance", file, "--school", "NOPE");
        Assert.True(unknown == 2, message);
        Assert.Contains("No agency has the code 'NOPE'", message);
    }
}

public sealed class ImportAttendanceOnSqlite() : ImportAttendanceTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class ImportAttendanceOnPostgres() : ImportAttendanceTests(DatabaseProvider.Postgres);
