using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Identifiers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Testing;

/// <summary>
/// A small partnership for the browser tests: a social care team with its manager, a police exploitation team,
/// a child the social worker's team works with and a child only the police work with. Synthetic people only.
/// </summary>
public sealed class Scenario
{
    public const string Password = "Scenario-Password-1";
    public string SocialWorkerEmail => "priya.shah@csc.test.example";
    public string ManagerEmail => "morgan.ellis@csc.test.example";
    public string PoliceEmail => "dan.reid@police.test.example";
    public string OtherTeamEmail => "lewis.grant@csc.test.example";
    public string FrontDoorEmail => "fatima.begum@csc.test.example";
    public string AdministratorEmail => "alex.admin@csc.test.example";
    public string SocialCareApiKey { get; private set; } = "";
    public string PoliceApiKey { get; private set; } = "";
    public Guid ManagerId { get; private set; }
    public Guid Amelia { get; private set; }
    public Guid Tomasz { get; private set; }
    public Guid Kai { get; private set; }
    public string AmeliaNhs { get; private set; } = "";

    public static async Task<Scenario> CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChildStoryDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var s = new Scenario();

        var csc = new Agency(Guid.NewGuid(), "CSC", "Westmere Children's Services", AgencyKind.ChildrensSocialCare);
        var north = new Team(Guid.NewGuid(), csc.Id, "North Locality Team", TeamFunction.Service);
        var south = new Team(Guid.NewGuid(), csc.Id, "South Locality Team", TeamFunction.Service);
        var mash = new Team(Guid.NewGuid(), csc.Id, "Front Door (MASH)", TeamFunction.FrontDoor);
        var police = new Agency(Guid.NewGuid(), "POL", "Westmere Police", AgencyKind.Police);
        var cet = new Team(Guid.NewGuid(), police.Id, "Child Exploitation Team", TeamFunction.ChildExploitation);
        db.AddRange(csc, north, south, mash, police, cet);
        var manager = new Practitioner(Guid.NewGuid(), "Morgan", "Ellis", s.ManagerEmail, "Team manager", csc.Id, north.Id);
        var worker = new Practitioner(Guid.NewGuid(), "Priya", "Shah", s.SocialWorkerEmail, "Social worker", csc.Id, north.Id);
        worker.SetManager(manager.Id);
        var officer = new Practitioner(Guid.NewGuid(), "Dan", "Reid", s.PoliceEmail, "Detective constable", police.Id, cet.Id);
        var otherTeam = new Practitioner(Guid.NewGuid(), "Lewis", "Grant", s.OtherTeamEmail, "Social worker", csc.Id, south.Id);
        var frontDoor = new Practitioner(Guid.NewGuid(), "Fatima", "Begum", s.FrontDoorEmail, "MASH social worker", csc.Id, mash.Id);
        var admin = new Practitioner(Guid.NewGuid(), "Alex", "Morley", s.AdministratorEmail, "Systems administrator", csc.Id, null);
        db.AddRange(manager, worker, officer, otherTeam, frontDoor, admin);
        var (socialCareClient, socialCareKey) = ApiClient.Create(csc.Id, "Case management system");
        var (policeClient, policeKey) = ApiClient.Create(police.Id, "Police records system");
        db.AddRange(socialCareClient, policeClient);
        s.SocialCareApiKey = socialCareKey;
        s.PoliceApiKey = policeKey;
        s.ManagerId = manager.Id;

        s.AmeliaNhs = "999000001" + NhsNumber.CheckDigit("999000001")!;
        var amelia = new Person(Guid.NewGuid(), "Amelia", "Clarke", new DateOnly(2014, 3, 27), Gender.Female, isChild: true);
        amelia.SetNhsNumber(s.AmeliaNhs);
        amelia.SetCulture("WBRI", "English", false);
        amelia.MoveTo(new Address(Guid.NewGuid(), "14 Mill Lane", null, "Westmere", "WM1 4AB"), new DateOnly(2019, 6, 1));
        var mother = new Person(Guid.NewGuid(), "Rachel", "Clarke", new DateOnly(1988, 9, 2), Gender.Female, isChild: false);
        var tomasz = new Person(Guid.NewGuid(), "Tomasz", "Nowak", new DateOnly(2009, 11, 5), Gender.Male, isChild: true);
        tomasz.AddName(NameKind.Preferred, "Tom", "Nowak");
        var kai = new Person(Guid.NewGuid(), "Kai", "Brennan", new DateOnly(2011, 2, 14), Gender.Male, isChild: true);
        db.AddRange(amelia, mother, tomasz, kai);
        db.AddRange(
            Relationship.Known(amelia.Id, mother, RelationshipKind.Mother, parentalResponsibility: true, livesWithChild: true),
            Relationship.NotKnown(amelia.Id, RelationshipKind.Father, "Mother declines to name him"));
        var allocation = new Involvement(Guid.NewGuid(), amelia.Id, csc.Id, north.Id, worker.Id, InvolvementRole.AllocatedSocialWorker, new DateOnly(2026, 1, 12));
        allocation.MakeLeadProfessional();
        db.AddRange(allocation,
            new Involvement(Guid.NewGuid(), tomasz.Id, police.Id, cet.Id, officer.Id, InvolvementRole.InvestigatingOfficer, new DateOnly(2026, 5, 3)),
            new Involvement(Guid.NewGuid(), kai.Id, police.Id, cet.Id, officer.Id, InvolvementRole.InvestigatingOfficer, new DateOnly(2026, 8, 19)));
        await db.SaveChangesAsync();
        s.Amelia = amelia.Id;
        s.Tomasz = tomasz.Id;
        s.Kai = kai.Id;

        await AddUser(users, s.ManagerEmail, manager.Id, Roles.Manager);
        await AddUser(users, s.SocialWorkerEmail, worker.Id, Roles.Practitioner);
        await AddUser(users, s.PoliceEmail, officer.Id, Roles.Practitioner);
        await AddUser(users, s.OtherTeamEmail, otherTeam.Id, Roles.Practitioner);
        await AddUser(users, s.FrontDoorEmail, frontDoor.Id, Roles.FrontDoor);
        await AddUser(users, s.AdministratorEmail, admin.Id, Roles.Administrator);
        return s;
    }

    /// <summary>Turns on two-step sign-in for an account and returns its authenticator key, as if its owner had set it up.</summary>
    public static async Task<string> EnableTwoFactorAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    private static async Task AddUser(UserManager<AppUser> users, string email, Guid practitionerId, string role)
    {
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PractitionerId = practitionerId };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }
    }
}
