using System.Net;
using ChildStory.Common;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Tests.Education;

/// <summary>The education pages: recorded through the form, shown at a glance on the record, listed for those who work with the child, and not found for anyone else.</summary>
public abstract class EducationPagesTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private Partnership Parties => new(App);

    private async Task<Actor> ActorAsync(string email)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    [Fact]
    public async Task A_social_worker_records_a_roll_and_a_placement_through_the_pages_and_the_police_get_not_found()
    {
        App.Clock.Now = Partnership.Utc(2026, 11, 16, 10, 0);
        var child = await Parties.ChildAsync("Edu", new DateOnly(2013, 3, 1));
        await Parties.InvolveAsync(child, await ActorAsync(World.SocialWorkerEmail), InvolvementRole.AllocatedSocialWorker);
        var school = await Parties.AgencyAsync("Hill School", AgencyKind.School);
        var provider = await Parties.AgencyAsync("Bridge Project", AgencyKind.AlternativeProvision);
        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);

        var bad = await priya.PostFormAsync($"/children/{child}/education/enrol?handler=Enrol", new() { ["SchoolId"] = "", ["On"] = "31/2/2026" });
        var badBody = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("must be a real date", badBody);
        await using (var db = App.CreateContext())
        {
            Assert.False(await db.Enrolments.AnyAsync(e => e.ChildId == child));
        }

        var enrolled = await priya.PostFormAsync($"/children/{child}/education/enrol?handler=Enrol", new() { ["SchoolId"] = school.AgencyId.ToString(), ["On"] = "3/9/2026", ["Main"] = "FullTime" });
        Assert.Contains("designated safeguarding lead joins", await enrolled.Content.ReadAsStringAsync());
        var missing = await priya.PostFormAsync($"/children/{child}/education/placement?handler=Placement", new() { ["ProviderId"] = provider.AgencyId.ToString(), ["Hours"] = "lots" });
        var missingBody = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Hours a week must be a number", missingBody);
        var placed = await priya.PostFormAsync($"/children/{child}/education/placement?handler=Placement", new()
        {
            ["ProviderId"] = provider.AgencyId.ToString(),
            ["Registered"] = "no",
            ["Commissioner"] = "School",
            ["Hours"] = "6",
            ["On"] = "9/11/2026",
            ["MonitoredBy"] = "Ann Monitor",
            ["Every"] = "7",
            ["Main"] = "no",
        });
        Assert.Contains("Placement recorded", await placed.Content.ReadAsStringAsync());

        var record = await priya.GetPageAsync($"/children/{child}");
        Assert.Contains("id=\"education\"", record);
        Assert.Contains($"On the roll of {school.Name}", record);
        Assert.Contains("Unregistered", record);
        var list = await priya.GetPageAsync("/education?list=AlternativeProvision");
        Assert.Contains(provider.Name, list);

        var dan = await WebSession.SignInAsync(App, World.PoliceEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.GetAsync($"/children/{child}/education")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dan.GetAsync($"/children/{child}/education/enrol")).StatusCode);
        Assert.DoesNotContain(provider.Name, await dan.GetPageAsync("/education?list=AlternativeProvision"));
        Assert.Equal(HttpStatusCode.NotFound, (await priya.GetAsync($"/children/{child}/education/nonsense")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await priya.GetAsync("/education?list=nonsense")).StatusCode);
    }
}

public sealed class EducationPagesOnSqlite(SqliteAppFactory app) : EducationPagesTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class EducationPagesOnPostgres(PostgresAppFactory app) : EducationPagesTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
