using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChildStory.Common;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.FrontDoor;
using ChildStory.Features.FrontDoor;
using ChildStory.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.FrontDoor;

public abstract class FrontDoorTests<TFactory>(TFactory app) : ScenarioTests<TFactory>(app) where TFactory : AppFactory
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private async Task<Actor> ActorAsync(string email, string role)
    {
        await using var db = App.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { role });
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> run)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_late_evening_domestic_incident_with_the_child_present_reaches_the_front_door_once_and_an_overdue_decision_is_raised_with_managers_once()
    {
        var edtWorker = Guid.NewGuid();
        await using (var db = App.CreateContext())
        {
            var fatima = await db.Practitioners.SingleAsync(p => p.Email == World.FrontDoorEmail);
            fatima.SetManager(World.ManagerId);
            // The emergency duty team hears about contacts that arrive while the offices are shut.
            var edt = new Domain.Partnership.Team(Guid.NewGuid(), fatima.AgencyId, "Emergency Duty Team", Domain.Partnership.TeamFunction.EmergencyDuty);
            db.AddRange(edt, new Domain.Partnership.Practitioner(edtWorker, "Sam", "Okafor", "sam.okafor@csc.test.example", "EDT social worker", fatima.AgencyId, edt.Id));
            await db.SaveChangesAsync();
        }
        App.Clock.Now = Utc(2026, 11, 19, 22, 30); // Thursday night
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.PoliceApiKey);
        var sent = await client.PostAsJsonAsync("/api/v1/events", new
        {
            idempotencyKey = "vcn-1",
            type = "PoliceIncident",
            occurredAt = "2026-11-19T21:50:00Z",
            author = "PC 4471",
            summary = "Domestic at the family home; Amelia in the next room",
            verification = "Verified",
            childPresent = true,
            domesticAbuse = true,
            subject = new { nhsNumber = World.AmeliaNhs },
        });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        Assert.Equal(1, await UseAsync(s => s.GetRequiredService<RaiseContacts>().RunAsync()));
        Assert.Equal(0, await UseAsync(s => s.GetRequiredService<RaiseContacts>().RunAsync()));
        Contact contact;
        await using (var db = App.CreateContext())
        {
            contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Summary.Contains("Amelia in the next room"));
        }
        Assert.Equal(ContactSource.VulnerableChildNotification, contact.Source);
        Assert.Equal(World.Amelia, contact.ChildId);
        Assert.Equal(Utc(2026, 11, 23, 17, 0), contact.DueAt); // counted from Friday: one working day is Monday
        Assert.True(contact.RoutedToEmergencyDuty);
        await using (var db = App.CreateContext())
        {
            Assert.True(await db.Notifications.AnyAsync(n => n.PractitionerId == edtWorker && n.Link == $"/front-door/contacts/{contact.Id}"));
        }

        var priya = await ActorAsync(World.SocialWorkerEmail, Roles.Practitioner);
        var fatimaActor = await ActorAsync(World.FrontDoorEmail, Roles.FrontDoor);
        Assert.Equal(ErrorKind.Forbidden, (await UseAsync(s => s.GetRequiredService<DecideContact>().RunAsync(priya, contact.Id, "Advice", "Not mine"))).Error!.Kind);
        var missing = await UseAsync(s => s.GetRequiredService<DecideContact>().RunAsync(fatimaActor, contact.Id, null, " "));
        Assert.Contains("Decision", missing.Error!.Fields.Keys);
        Assert.Contains("Rationale", missing.Error.Fields.Keys);

        App.Clock.Now = Utc(2026, 11, 23, 16, 59);
        Assert.Equal(0, await UseAsync(s => s.GetRequiredService<FrontDoorQueue>().AlertOverdueAsync()));
        App.Clock.Now = Utc(2026, 11, 23, 17, 1);
        Assert.Equal(1, await UseAsync(s => s.GetRequiredService<FrontDoorQueue>().AlertOverdueAsync()));
        Assert.Equal(0, await UseAsync(s => s.GetRequiredService<FrontDoorQueue>().AlertOverdueAsync()));

        Assert.True((await UseAsync(s => s.GetRequiredService<DecideContact>().RunAsync(fatimaActor, contact.Id, "StrategyDiscussion",
            "Third domestic incident this year with Amelia present; mother's new partner known to police"))).Succeeded);
        var twice = await UseAsync(s => s.GetRequiredService<DecideContact>().RunAsync(fatimaActor, contact.Id, "Advice", "Again"));
        Assert.Equal(ErrorKind.Conflict, twice.Error!.Kind);

        await using var check = App.CreateContext();
        Assert.True(await check.Notifications.AnyAsync(n => n.PractitionerId == World.ManagerId && n.Title == "Overdue front-door decision"));
        var decision = await check.ChronologyEvents.AsNoTracking().SingleAsync(e => e.ChildId == World.Amelia && e.Type == EventType.FrontDoorDecision);
        Assert.True(decision.Significant);
        Assert.Contains("decided after it was due", decision.Summary);
    }

    [Fact]
    public async Task The_queue_and_its_contacts_are_for_the_front_door_and_a_recorded_contact_is_checked_field_by_field()
    {
        App.Clock.Now = Utc(2026, 11, 24, 10, 0);
        var fatima = await WebSession.SignInAsync(App, World.FrontDoorEmail, totpKey: await Scenario.EnableTwoFactorAsync(App.Services, World.FrontDoorEmail));
        var form = $"/children/{World.Tomasz}/contacts/new";
        var bad = await (await fatima.PostFormAsync(form, new() { ["Summary"] = "" })).Content.ReadAsStringAsync();
        Assert.Contains("Select where the contact came from", bad);
        Assert.Contains("Say who made the contact", bad);
        Assert.Contains("Say what the contact is about", bad);
        var made = await fatima.PostFormAsync(form, new() { ["Source"] = "SchoolConcern", ["From"] = "Head of year, Kelbrook Academy", ["Summary"] = "Tomasz has new trainers and two phones" });
        var contactPath = made.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/front-door/contacts/", contactPath);
        Assert.Contains("Wed 25 Nov 2026 17:00", await made.Content.ReadAsStringAsync());
        Assert.Contains("Tomasz Nowak", await fatima.GetPageAsync("/front-door"));

        var priya = await WebSession.SignInAsync(App, World.SocialWorkerEmail);
        var queue = await priya.GetAsync("/front-door");
        Assert.Equal("/account/access-denied", queue.RequestMessage!.RequestUri!.AbsolutePath);
        await priya.GetPageAsync(contactPath, HttpStatusCode.NotFound);
        // Tomasz is outside her reach: the contact form answers as if he did not exist.
        await priya.GetPageAsync(form, HttpStatusCode.NotFound);
    }
}

public sealed class FrontDoorOnSqlite(SqliteAppFactory app) : FrontDoorTests<SqliteAppFactory>(app), IClassFixture<SqliteAppFactory>;

[Collection(PostgresCollection.Name)]
public sealed class FrontDoorOnPostgres(PostgresAppFactory app) : FrontDoorTests<PostgresAppFactory>(app), IClassFixture<PostgresAppFactory>;
