using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Cli;

/// <summary>The <c>childstory</c> verbs, run as a process against an empty database of each provider.</summary>
public abstract class CliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Db_migrate_reports_an_up_to_date_database_and_creates_the_roles()
    {
        var (code, output) = await CliProcess.RunAsync(_db.Settings, "db", "migrate");
        Assert.True(code == 0, output);
        Assert.Contains("0 pending migration(s)", output);
        await using var db = _db.CreateContext();
        Assert.Equal(5, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task Rules_list_prints_every_rule_with_its_source_and_parameters_as_json()
    {
        await CliProcess.RunAsync(_db.Settings, "db", "migrate");
        var (code, output) = await CliProcess.RunAsync(_db.Settings, new Dictionary<string, string> { ["Rules__not-seen__Days"] = "21" }, "rules", "list", "--format", "json");
        Assert.True(code == 0, output);
        var rules = System.Text.Json.JsonDocument.Parse(output[output.IndexOf('[')..]).RootElement.EnumerateArray().ToList();
        Assert.True(rules.Count >= 12);
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("source").GetString())));
        var notSeen = rules.Single(r => r.GetProperty("id").GetString() == "not-seen");
        Assert.Equal("21", notSeen.GetProperty("parameters").GetProperty("Days").GetString());
        var (bad, badOutput) = await CliProcess.RunAsync(_db.Settings, "rules", "list", "--format", "xml");
        Assert.Equal(2, bad);
        Assert.Contains("--format: 'xml' is not a format", badOutput);
    }

    [Fact]
    public async Task A_bad_statutory_timescale_setting_stops_the_executable_naming_the_setting()
    {
        await CliProcess.RunAsync(_db.Settings, "db", "migrate");
        var (code, output) = await CliProcess.RunAsync(_db.Settings, new Dictionary<string, string> { ["Casework__Timescales__FirstCoreGroup"] = "3 fortnights" }, "chase");
        Assert.NotEqual(0, code);
        Assert.Contains("Casework:Timescales:FirstCoreGroup: '3 fortnights' is not a deadline", output);
    }

    [Fact]
    public async Task A_bad_screening_tool_setting_stops_the_executable_naming_the_setting()
    {
        await CliProcess.RunAsync(_db.Settings, "db", "migrate");
        var (code, output) = await CliProcess.RunAsync(_db.Settings, new Dictionary<string, string>
        {
            ["Exploitation__Screening__Indicators__0__Id"] = "weapons",
            ["Exploitation__Screening__Indicators__0__Weight"] = "12",
            ["Exploitation__Screening__Indicators__1__Id"] = "trap-house",
            ["Exploitation__Screening__Indicators__1__Text"] = "Found in a trap house",
            ["Exploitation__Screening__Indicators__1__Weight"] = "3",
            ["Exploitation__Screening__Indicators__1__Level"] = "High",
            ["Exploitation__Screening__Indicators__1__Concerns__0"] = "CountyLines",
        }, "chase");
        Assert.NotEqual(0, code);
        Assert.Contains("Exploitation:Screening:Indicators:0 ('weapons'):Weight must be between 1 and 10 (it is 12)", output);
        Assert.Contains("Exploitation:Screening:Indicators:1 ('trap-house'):Concerns: 'CountyLines' is not a concern", output);
    }

    [Fact]
    public async Task Users_add_creates_a_practitioner_who_can_sign_in_and_refuses_bad_input_by_name()
    {
        await using (var db = _db.CreateContext())
        {
            var agency = new Agency(Guid.NewGuid(), "YJS", "Westmere Youth Justice Service", AgencyKind.YouthJustice);
            db.AddRange(agency, new Team(Guid.NewGuid(), agency.Id, "Youth Justice Team", TeamFunction.Service));
            await db.SaveChangesAsync();
        }
        await CliProcess.RunAsync(_db.Settings, "db", "migrate");

        var (badCode, badOutput) = await CliProcess.RunAsync(_db.Settings, "users", "add", "--email", "sam.okoro@yjs.test.example",
            "--given-name", "Sam", "--family-name", "Okoro", "--agency", "NOPE", "--role", "Practitioner");
        Assert.Equal(2, badCode);
        Assert.Contains("--agency: no agency has the code 'NOPE'", badOutput);

        var (code, output) = await CliProcess.RunAsync(_db.Settings, "users", "add", "--email", "Sam.Okoro@yjs.test.example",
            "--given-name", "Sam", "--family-name", "Okoro", "--agency", "yjs", "--team", "Youth Justice Team", "--role", "Practitioner", "--role", "Manager");
        Assert.True(code == 0, output);
        Assert.Contains("Initial password (shown once): Cs-", output);
        await using var after = _db.CreateContext();
        var practitioner = await after.Practitioners.SingleAsync(p => p.Email == "sam.okoro@yjs.test.example");
        var user = await after.Users.SingleAsync(u => u.PractitionerId == practitioner.Id);
        Assert.Equal(2, await after.UserRoles.CountAsync(r => r.UserId == user.Id));
    }
}

public sealed class CliOnSqlite() : CliTests(DatabaseProvider.Sqlite);

[Collection(PostgresCollection.Name)]
public sealed class CliOnPostgres() : CliTests(DatabaseProvider.Postgres);
