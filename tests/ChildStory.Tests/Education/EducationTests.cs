using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChildStory.Common;
using ChildStory.Domain.Access;
using ChildStory.Domain.Education;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Access;
using ChildStory.Features.Education;
using ChildStory.Features.Rules;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Education;

/// <summary>
/// Education and SEND (issue 9) through the real handlers: need-to-know from the roll, EHC plans and placements; field
/// errors with nothing half saved; the rules reading education facts; the attendance import and API.
/// </summary>
public abstract class EducationTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private Partnership Parties => new(App);

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    private Task<bool> SeesAsync(Actor actor, Guid child) => UseAsync(s => s.GetRequiredService<ChildAccess>().CanSeeAsync(actor, child));

    /// <summary>A social worker working with a new child (so the worker may record education facts), with a school-age birthday.</summary>
    private async Task<(Actor SocialWorker, Guid Child)> ChildWithSocialWorkerAsync(string name = "Pupil")
    {
        var csc = await Parties.AgencyAsync("Council", AgencyKind.ChildrensSocialCare);
        var worker = await Parties.WorkerAsync(csc, "Sam", "Social");
        var child = await Parties.ChildAsync(name, new DateOnly(2013, 3, 1));
        await Parties.InvolveAsync(child, worker, InvolvementRole.AllocatedSocialWorker);
        return (worker, child);
    }

    [Fact]
    public async Task A_school_sees_its_own_pupils_and_not_another_schools()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var (worker, child) = await ChildWithSocialWorkerAsync();
        var schoolA = await Parties.AgencyAsync("Hill School", AgencyKind.School);
        var schoolB = await Parties.AgencyAsync("Vale School", AgencyKind.School);
        var dslA = await Parties.WorkerAsync(schoolA, "Dee", "Lead");
        var dslB = await Parties.WorkerAsync(schoolB, "Bea", "Lead");
        Assert.False(await SeesAsync(dslA, child));

        var result = await UseAsync(s => s.GetRequiredService<RecordEnrolment>().RunAsync(worker, child, new RecordEnrolment.Input(schoolA.AgencyId, new DateOnly(2026, 9, 3))));
        Assert.True(result.Succeeded, result.Error?.Title);

        Assert.True(await SeesAsync(dslA, child));
        Assert.False(await SeesAsync(dslB, child));
        await using var db = App.CreateContext();
        var involvement = await db.Involvements.AsNoTracking().SingleAsync(i => i.ChildId == child && i.AgencyId == schoolA.AgencyId);
        Assert.Equal(InvolvementRole.DesignatedSafeguardingLead, involvement.Role);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ChildId == child && a.Action == "EducationRecorded"));
        var picture = await UseAsync(s => s.GetRequiredService<EducationPicture>().ForChildAsync(dslA, child));
        Assert.Equal(schoolA.Name, picture.Value.OnRoll!.School);
        Assert.Equal(ErrorKind.NotFound, (await UseAsync(s => s.GetRequiredService<EducationPicture>().ForChildAsync(dslB, child))).Error!.Kind);
    }

    [Fact]
    public async Task The_send_team_sees_children_with_an_ehc_assessment_or_plan_and_no_others()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var (worker, child) = await ChildWithSocialWorkerAsync();
        var (_, other) = await ChildWithSocialWorkerAsync("Other");
        var council = await Parties.AgencyAsync("County Council", AgencyKind.ChildrensSocialCare);
        Guid sendTeam;
        await using (var db = App.CreateContext())
        {
            var team = new Team(Guid.NewGuid(), council.AgencyId, "SEND team " + Guid.NewGuid().ToString("N")[..6], TeamFunction.Send);
            db.Teams.Add(team);
            await db.SaveChangesAsync();
            sendTeam = team.Id;
        }
        var caseOfficer = await Parties.WorkerAsync(council with { TeamId = sendTeam }, "Cas", "Officer");

        var requested = await UseAsync(s => s.GetRequiredService<RequestEhcAssessment>().RunAsync(worker, child,
            new RequestEhcAssessment.Input(new DateOnly(2026, 10, 1), "Hill School", sendTeam)));
        Assert.True(requested.Succeeded, requested.Error?.Title);

        Assert.True(await SeesAsync(caseOfficer, child));
        Assert.False(await SeesAsync(caseOfficer, other));
        var issued = await UseAsync(s => s.GetRequiredService<UpdateEducation>().RunAsync(caseOfficer, child,
            new UpdateEducation.Input(EducationChange.IssuePlan, requested.Value, new DateOnly(2026, 11, 10), "Oak Special School")));
        Assert.True(issued.Succeeded, issued.Error?.Title);
        var twice = await UseAsync(s => s.GetRequiredService<UpdateEducation>().RunAsync(caseOfficer, child,
            new UpdateEducation.Input(EducationChange.IssuePlan, requested.Value, new DateOnly(2026, 11, 11), "Elm School")));
        Assert.Equal(ErrorKind.Conflict, twice.Error!.Kind);
    }

    [Fact]
    public async Task A_provider_sees_only_the_children_placed_with_it_and_an_unregistered_full_time_place_alerts_at_once()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var (worker, child) = await ChildWithSocialWorkerAsync();
        var (worker2, other) = await ChildWithSocialWorkerAsync("Other");
        var bridge = await Parties.AgencyAsync("Bridge Project", AgencyKind.AlternativeProvision);
        var ridge = await Parties.AgencyAsync("Ridge Project", AgencyKind.AlternativeProvision);
        var tutor = await Parties.WorkerAsync(bridge, "Tia", "Tutor");

        PlaceInAlternativeProvision.Input Place(Guid provider, decimal hours, bool registered) =>
            new(provider, registered, Commissioner.LocalAuthority, hours, new DateOnly(2026, 11, 16), null, "Ann Monitor, inclusion officer", 7, MainEducation: true);
        var placed = await UseAsync(s => s.GetRequiredService<PlaceInAlternativeProvision>().RunAsync(worker, child, Place(bridge.AgencyId, 25, registered: false)));
        Assert.True(placed.Succeeded, placed.Error?.Title);
        Assert.True((await UseAsync(s => s.GetRequiredService<PlaceInAlternativeProvision>().RunAsync(worker2, other, Place(ridge.AgencyId, 10, registered: true)))).Succeeded);

        Assert.True(await SeesAsync(tutor, child));
        Assert.False(await SeesAsync(tutor, other));

        var raised = await UseAsync(s => s.GetRequiredService<RunRules>().EvaluateAsync(child, false, default));
        Assert.Contains(raised, a => a.RuleId == "ap-unregistered-full-time");
        var others = await UseAsync(s => s.GetRequiredService<RunRules>().EvaluateAsync(other, false, default));
        Assert.DoesNotContain(others, a => a.RuleId == "ap-unregistered-full-time");

        var ended = await UseAsync(s => s.GetRequiredService<UpdateEducation>().RunAsync(worker, child,
            new UpdateEducation.Input(EducationChange.EndPlacement, placed.Value, new DateOnly(2026, 11, 16))));
        Assert.True(ended.Succeeded, ended.Error?.Title);
        await using var db = App.CreateContext();
        Assert.NotNull((await db.Involvements.AsNoTracking().SingleAsync(i => i.ChildId == child && i.AgencyId == bridge.AgencyId)).EndedOn);
    }

    [Fact]
    public async Task A_placement_with_missing_answers_names_each_field_and_saves_nothing()
    {
        var (worker, child) = await ChildWithSocialWorkerAsync();
        var school = await Parties.AgencyAsync("Hill School", AgencyKind.School);
        var result = await UseAsync(s => s.GetRequiredService<PlaceInAlternativeProvision>().RunAsync(worker, child,
            new PlaceInAlternativeProvision.Input(school.AgencyId, null, null, 0, null, null, "", 0, false)));
        Assert.Equal(["CommissionedBy", "HoursPerWeek", "MonitoredBy", "MonitoringEveryDays", "ProviderId", "Registered", "StartedOn"], result.Error!.Fields.Keys.Order());
        await using var db = App.CreateContext();
        Assert.False(await db.ApPlacements.AnyAsync(p => p.ChildId == child));
        Assert.False(await db.Involvements.AnyAsync(i => i.ChildId == child && i.AgencyId == school.AgencyId));
    }

    [Fact]
    public async Task Someone_who_does_not_work_with_the_child_cannot_record_education_and_is_told_not_found()
    {
        var (_, child) = await ChildWithSocialWorkerAsync();
        var school = await Parties.AgencyAsync("Hill School", AgencyKind.School);
        var stranger = await Parties.WorkerAsync(school, "Stan", "Ger");
        var result = await UseAsync(s => s.GetRequiredService<RecordEnrolment>().RunAsync(stranger, child, new RecordEnrolment.Input(school.AgencyId, new DateOnly(2026, 9, 3))));
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    private static string Upn(Random random)
    {
        var twelve = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + random.Next(10))));
        return UniquePupilNumber.CheckLetter(twelve) + twelve;
    }

    private async Task<(TeamAroundChild.Org School, Guid Child, string Upn)> PupilWithUpnAsync()
    {
        var school = await Parties.AgencyAsync("Hill School", AgencyKind.School);
        var child = await Parties.ChildAsync("Upn", new DateOnly(2013, 3, 1));
        var upn = Upn(new Random(child.GetHashCode()));
        await using var db = App.CreateContext();
        var person = await db.People.SingleAsync(p => p.Id == child);
        person.SetUpn(upn);
        await db.SaveChangesAsync();
        return (school, child, upn);
    }

    [Fact]
    public async Task The_attendance_import_keeps_good_lines_refuses_bad_ones_by_line_and_column_and_is_idempotent()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var (school, child, upn) = await PupilWithUpnAsync();
        var csv = $"""
            upn,period_start,period_end,possible_sessions,attended_sessions,on_roll_from
            {upn},2026-11-02,2026-11-06,10,6,2026-09-03
            {upn},2026-11-09,2026-11-13,10,11,
            A00000000000X,2026-11-09,2026-11-13,10,5,
            {upn},13/11/2026,2026-11-13,ten,5,
            """;
        var lines = ImportAttendance.ReadCsv(new StringReader(csv)).Value;
        var outcome = await UseAsync(s => s.GetRequiredService<ImportAttendance>().RunAsync(Actor.System("test import"), school.AgencyId, lines));
        Assert.Equal((4, 1, 3), (outcome.Value.Lines, outcome.Value.Created, outcome.Value.Rejected));
        Assert.Equal(["attended_sessions"], outcome.Value.Results[1].Errors!.Keys);
        Assert.Equal(3, outcome.Value.Results[1].Line);
        Assert.Equal(["upn"], outcome.Value.Results[2].Errors!.Keys);
        Assert.Equal(["period_start", "possible_sessions"], outcome.Value.Results[3].Errors!.Keys.Order());

        var again = await UseAsync(s => s.GetRequiredService<ImportAttendance>().RunAsync(Actor.System("test import"), school.AgencyId, lines));
        Assert.Equal((0, 0, 1), (again.Value.Created, again.Value.Updated, again.Value.Unchanged));
        await using var db = App.CreateContext();
        var record = await db.AttendanceRecords.AsNoTracking().SingleAsync(a => a.ChildId == child);
        Assert.Equal(60.0, record.Percent);
        Assert.Single(await db.Enrolments.AsNoTracking().Where(e => e.ChildId == child).ToListAsync());
    }

    private HttpClient ClientWith(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task A_school_posts_attendance_through_the_api_and_only_agencies_working_with_the_child_read_its_education()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var (school, child, upn) = await PupilWithUpnAsync();
        string key;
        await using (var db = App.CreateContext())
        {
            var (client, secret) = ApiClient.Create(school.AgencyId, "School MIS");
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            key = secret;
        }
        var api = ClientWith(key);
        var response = await api.PostAsJsonAsync("/api/v1/education/attendance", new
        {
            items = new[]
            {
                new { upn, periodStart = "2026-11-02", periodEnd = "2026-11-06", possibleSessions = "10", attendedSessions = "9", onRollFrom = "2026-09-03" },
                new { upn, periodStart = "2026-11-09", periodEnd = "2026-11-06", possibleSessions = "10", attendedSessions = "9", onRollFrom = (string)null! },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("created").GetInt32());
        Assert.Equal("rejected", body.GetProperty("results")[1].GetProperty("outcome").GetString());
        Assert.True(body.GetProperty("results")[1].GetProperty("errors").TryGetProperty("period_end", out _));

        var empty = await api.PostAsJsonAsync("/api/v1/education/attendance", new { items = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var own = await api.GetAsync($"/api/v1/education/children/{child}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ClientWith(World.PoliceApiKey).GetAsync($"/api/v1/education/children/{child}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/education/children/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class EducationOnSqlite(SqliteAppFactory app) : EducationTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class EducationOnPostgres(PostgresAppFactory app) : EducationTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
