using System.Text.Json.Nodes;
using ChildStory.Common;
using ChildStory.Domain.Access;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Plans;
using ChildStory.Identifiers;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Fuzz;

/// <summary>
/// What the fuzzer aims at: the scenario's children plus a school with a pupil and its API key, a plan, two-factor keys
/// for the manager and administrator, valid request bodies to mutate, and up to 20 real ids from every table.
/// </summary>
internal sealed class FuzzWorld
{
    public required IReadOnlyList<Guid> Ids { get; init; }
    public required IReadOnlyList<string> ApiKeys { get; init; }
    public required string ManagerKey { get; init; }
    public required string AdminKey { get; init; }
    public required JsonNode EventTemplate { get; init; }
    public required JsonNode BatchTemplate { get; init; }
    public required JsonNode AttendanceTemplate { get; init; }
    public int ApiRoutes { get; set; }
    public int PagePosts { get; set; }

    public static async Task<FuzzWorld> CreateAsync(AppFactory app, Scenario world)
    {
        var parties = new Partnership(app);
        var school = await parties.AgencyAsync("Fuzz School", AgencyKind.School);
        var pupil = await parties.ChildAsync("Pupil", new DateOnly(2013, 3, 1));
        var upn = UniquePupilNumber.CheckLetter("999123456789") + "999123456789";
        string schoolKey;
        Actor worker;
        await using (var db = app.CreateContext())
        {
            (await db.People.SingleAsync(p => p.Id == pupil)).SetUpn(upn);
            var (client, secret) = ApiClient.Create(school.AgencyId, "Fuzz school MIS");
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            schoolKey = secret;
            var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == world.SocialWorkerEmail);
            worker = new Actor(ActorKind.User, Guid.NewGuid(), "Priya Shah", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var plan = await scope.ServiceProvider.GetRequiredService<StartPlan>().RunAsync(worker, world.Amelia,
                Partnership.Plan(PlanKind.ChildInNeed, new DateOnly(2026, 11, 2), worker));
            Assert.True(plan.Succeeded, plan.Error?.ToString());
        }
        var ev = new JsonObject
        {
            ["idempotencyKey"] = "fuzz-1",
            ["type"] = "HomeVisit",
            ["occurredAt"] = "2026-11-10T09:00:00Z",
            ["author"] = "A Worker",
            ["summary"] = "Home visit",
            ["details"] = "Seen at home",
            ["significant"] = false,
            ["verification"] = "Verified",
            ["sensitivity"] = "None",
            ["childSeen"] = true,
            ["attendancePercent"] = 90.5,
            ["concerns"] = new JsonArray("Neglect"),
            ["subject"] = new JsonObject { ["nhsNumber"] = world.AmeliaNhs, ["familyName"] = "Clarke", ["dateOfBirth"] = "2014-03-27", ["reference"] = "R1" },
        };
        var line = new JsonObject
        {
            ["upn"] = upn,
            ["periodStart"] = "2026-11-02",
            ["periodEnd"] = "2026-11-06",
            ["possibleSessions"] = "10",
            ["attendedSessions"] = "9",
            ["onRollFrom"] = "2026-09-03",
        };
        return new FuzzWorld
        {
            Ids = await RealIdsAsync(app),
            ApiKeys = [world.SocialCareApiKey, world.PoliceApiKey, schoolKey],
            ManagerKey = await Scenario.EnableTwoFactorAsync(app.Services, world.ManagerEmail),
            AdminKey = await Scenario.EnableTwoFactorAsync(app.Services, world.AdministratorEmail),
            EventTemplate = ev,
            BatchTemplate = new JsonObject { ["items"] = new JsonArray(ev.DeepClone(), ev.DeepClone(), ev.DeepClone()) },
            AttendanceTemplate = new JsonObject { ["items"] = new JsonArray(line.DeepClone(), line.DeepClone()) },
        };
    }

    /// <summary>Up to 20 ids from every table keyed by a Guid "Id": a new table's rows are aimed at without anyone listing it.</summary>
    private static async Task<IReadOnlyList<Guid>> RealIdsAsync(AppFactory app)
    {
        await using var db = app.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var ids = new List<Guid>();
        var tables = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetTableName() is not null && t.FindProperty("Id")?.ClrType == typeof(Guid))
            .Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT \"Id\" FROM \"{table}\" ORDER BY \"Id\" LIMIT 20";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetValue(0);
                if (value is Guid g || Guid.TryParse(value.ToString(), out g))
                {
                    ids.Add(g);
                }
            }
        }
        return ids;
    }
}
