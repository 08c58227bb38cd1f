using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Cli;

/// <summary><c>childstory import events</c> on CSV and JSON lines, with a rejects file and idempotent re-runs.</summary>
public abstract class ImportEventsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("childstory-import-").FullName;
    private readonly string _nhs = Enumerable.Range(999123450, 10).Select(n => n.ToString())
        .Where(nine => NhsNumber.CheckDigit(nine) is not null).Select(nine => nine + NhsNumber.CheckDigit(nine)).First();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var db = _db.CreateContext();
        db.Agencies.Add(new Agency(Guid.NewGuid(), "WGH", "Westmere General Hospital", AgencyKind.AcuteHospital));
        var child = new Person(Guid.NewGuid(), "Leo", "Marsh", new DateOnly(2010, 5, 4), Gender.Male, isChild: true);
        child.SetNhsNumber(_nhs);
        db.People.Add(child);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_csv_import_keeps_the_good_lines_lists_the_bad_ones_and_creates_nothing_twice_when_rerun()
    {
        var file = Path.Combine(_folder, "ed.csv");
        await File.WriteAllTextAsync(file, string.Join('\n',
            "idempotency_key,type,occurred_at,author,summary,verification,nhs_number,significant",
            $"ed-1,EmergencyDepartmentAttendance,2026-10-01T23:10:00Z,Dr Amos,\"Overdose of paracetamol, discharged\",Verified,{_nhs},yes",
            $"ed-2,OverdoseOrSelfHarm,2026-10-01T23:00:00Z,Dr Amos,\"Said he \"\"wanted it to stop\"\",\nsecond line\",Verified,{_nhs},yes",
            $"ed-3,EmergencyDepartmentAttendance,yesterday,Dr Amos,Cut to arm,Verified,{_nhs},no",
            $"ed-4,Teleport,2026-10-03T10:00:00Z,Dr Amos,Unknown,Verified,{_nhs},no",
            $"ed-5,HospitalDischarge,2026-10-02T09:00:00Z,Nurse Pell,Discharged home to father,Hearsay,{_nhs},no"));

        var (code, output) = await CliProcess.RunAsync(_db.Settings, "import", "events", file, "--agency", "wgh");
        Assert.True(code == 1, output);
        Assert.Contains("5 lines: 3 created, 0 already imported, 2 rejected.", output);
        var rejects = await File.ReadAllLinesAsync(file + ".rejects.csv");
        // ed-2's summary runs over two lines, so ed-3 starts on line 5.
        Assert.Contains(rejects, l => l.StartsWith("5,ed-3,") && l.Contains("occurred_at 'yesterday' is not a date and time"));
        Assert.Contains(rejects, l => l.StartsWith("6,ed-4,") && l.Contains("type must be one of"));

        await using (var db = _db.CreateContext())
        {
            Assert.Equal(3, await db.ChronologyEvents.CountAsync(e => e.ChildId != null));
            Assert.Contains("wanted it to stop", (await db.ChronologyEvents.SingleAsync(e => e.IdempotencyKey == "ed-2")).Summary);
        }
        var (_, again) = await CliProcess.RunAsync(_db.Settings, "import", "events", file, "--agency", "WGH");
        Assert.Contains("5 lines: 0 created, 3 already imported, 2 rejected.", again);
    }

    [Fact]
    public async Task A_json_lines_import_takes_the_api_shape_and_rejects_broken_lines()
    {
        var file = Path.Combine(_folder, "events.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            $"{{\"idempotencyKey\":\"j-1\",\"type\":\"HospitalAdmission\",\"occurredAt\":\"2026-09-09T12:00:00Z\",\"author\":\"Ward 7\",\"summary\":\"Admitted after a seizure\",\"verification\":\"Verified\",\"subject\":{{\"nhsNumber\":\"{_nhs}\"}}}}",
            "{ this is not json",
        ]);
        var (code, output) = await CliProcess.RunAsync(_db.Settings, "import", "events", file, "--agency", "WGH");
        Assert.Equal(1, code);
        Assert.Contains("2 lines: 1 created, 0 already imported, 1 rejected.", output);
        Assert.Contains("not a JSON event object", await File.ReadAllTextAsync(file + ".rejects.csv"));
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_before_anything_is_read()
    {
        var file = Path.Combine(_folder, "none.jsonl");
        await File.WriteAllTextAsync(file, "");
        var (code, output) = await CliProcess.RunAsync(_db.Settings, "import", "events", file, "--agency", "NOPE");
        Assert.Equal(2, code);
        Assert.Contains("No active agency has the code 'NOPE'", output);
    }
}

public sealed class ImportEventsOnSqlite() : ImportEventsTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class ImportEventsOnPostgres() : ImportEventsTests(DatabaseProvider.Postgres);
