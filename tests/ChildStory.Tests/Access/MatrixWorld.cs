using ChildStory.Common;
using ChildStory.Domain.Access;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Domain.Referrals;
using ChildStory.Domain.Rules;
using ChildStory.Features.Access.Gate;
using ChildStory.Features.Chronology;
using ChildStory.Features.Escalation;
using ChildStory.Features.FrontDoor;
using ChildStory.Features.Mapping;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;
using ChildStory.Features.Referrals;
using ChildStory.Features.Sharing;
using ChildStory.Features.TeamAroundChild;
using ChildStory.Tests.Infrastructure;
using ChildStory.Tests.TeamAroundChild;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChildStory.Tests.Access;

/// <summary>A user of the matrix: who they are, how they sign in, and (for agency systems) their API key.</summary>
public sealed record MatrixUser(string Label, string Email, string Role, bool TwoFactor);

/// <summary>
/// The world the access matrix attacks: one child (Amelia, of the social worker's team) with one of everything a
/// route can name — a story entry, a plan and its action, a meeting, a share with an attachment, a referral, a
/// professional difference, a withdrawal, a link, a front-door contact and an alert — each carrying a marker that
/// must never reach anyone without need to know; and users of every role in agencies and teams that do not work
/// with her.
/// </summary>
public sealed class MatrixWorld
{
    public const string Marker = "MATRIX-SECRET";

    public Dictionary<ResourceKind, Guid> Objects { get; } = [];
    public Dictionary<PartKind, Guid> Parts { get; } = [];
    public List<MatrixUser> Outsiders { get; } = [];
    public List<(string Label, string Key)> OutsideSystems { get; } = [];

    /// <summary>Strings that identify the child or her records; no response to an outsider may contain one.</summary>
    public List<string> Secrets { get; } = [];

    public static async Task<MatrixWorld> CreateAsync(AppFactory app, Scenario world)
    {
        var w = new MatrixWorld();
        var parties = new Partnership(app);
        var child = world.Amelia;
        var priya = await ActorAsync(app, world.SocialWorkerEmail);
        w.Objects[ResourceKind.Child] = child;
        w.Secrets.AddRange(["Amelia", world.AmeliaNhs, "14 Mill Lane", Marker]);

        async Task<Guid> Use(Func<IServiceProvider, Task<Result<Guid>>> run, string what)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var result = await run(scope.ServiceProvider);
            Assert.True(result.Succeeded, $"{what}: {result.Error?.Title} {string.Join("; ", result.Error?.Fields.Select(f => f.Key + ": " + string.Join(", ", f.Value)) ?? [])}");
            return result.Value;
        }

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var entry = await Use(s => s.GetRequiredService<AddEvent>().RunAsync(priya, child,
            new PractitionerEventForm("HomeVisit", today.AddDays(-3).ToString("yyyy-MM-dd"), "10:00", $"{Marker} home visit: bruise on her arm", null, true, "Verified")), "story entry");
        w.Parts[PartKind.StoryEntry] = entry;

        var plan = await Use(s => s.GetRequiredService<StartPlan>().RunAsync(priya, child, Partnership.Plan(PlanKind.ChildInNeed, today, priya,
            actions: [new ActionInput($"{Marker} action: book the dentist", priya.PractitionerId, null, today.AddDays(10))])), "plan");
        w.Objects[ResourceKind.Plan] = plan;
        await using (var db = app.CreateContext())
        {
            w.Objects[ResourceKind.Action] = await db.AgreedActions.Where(a => a.PlanId == plan).Select(a => a.Id).FirstAsync();
            var csc = await db.Practitioners.Where(p => p.Id == priya.PractitionerId).Select(p => p.AgencyId).SingleAsync();
            var managerId = world.ManagerId;
            w.Objects[ResourceKind.Meeting] = await Use(s => s.GetRequiredService<ScheduleMeeting>().RunAsync(priya, child,
                new MeetingForm(MeetingType.TeamAroundTheChild, app.Clock.GetUtcNow().AddDays(12), MeetingFormat.InPerson, "Room 2",
                    $"{Marker} meeting about her bruising", false, [new Invitee(csc, managerId)], true, "Urgent")), "meeting");
        }

        var share = await Use(s => s.GetRequiredService<SendShare>().RunAsync(priya, child, new ShareForm($"{Marker} share subject", $"{Marker} share message",
            nameof(Domain.Sharing.LawfulBasis.LegalDuty), "Children Act 1989 s.47", nameof(Domain.Sharing.ShareUrgency.WithinWorkingDays), 3, [], [], [world.ManagerEmail], [entry], null,
            [new AttachmentInput("note.txt", System.Text.Encoding.UTF8.GetBytes($"{Marker} attachment"))])), "share");
        w.Objects[ResourceKind.Share] = share;

        // A service, an agency the difference is about and an agency that withdraws: none of their people is in the matrix.
        var service = await parties.AgencyAsync("Matrix drug service", AgencyKind.DrugAndAlcoholService);
        var subject = await parties.AgencyAsync("Matrix subject agency", AgencyKind.GeneralPractice);
        var leaving = await parties.AgencyAsync("Matrix school nursing", AgencyKind.SchoolNursing);
        var nurse = await parties.WorkerAsync(leaving, "Nadia", "Matrix");
        await using (var db = app.CreateContext())
        {
            var s = new ReferralService(Guid.NewGuid(), $"Matrix service {Guid.NewGuid():N}", ServiceKind.DrugAndAlcohol, service.AgencyId, service.TeamId,
                new ServiceTargets(1, 5, 10, 20, 48));
            db.ReferralServices.Add(s);
            var involvement = new Involvement(Guid.NewGuid(), child, leaving.AgencyId, leaving.TeamId, nurse.PractitionerId, InvolvementRole.SchoolNurse, today.AddMonths(-2));
            db.Involvements.Add(involvement);
            db.Alerts.Add(new Alert(Guid.NewGuid(), child, "matrix-rule", 1, "matrix", app.Clock.GetUtcNow(), $"{Marker} alert", $"{Marker} alert summary",
                "Guidance", "[]", AlertAudience.Team));
            await db.SaveChangesAsync();
            w.Parts[PartKind.Involvement] = involvement.Id;
            w.Objects[ResourceKind.Alert] = await db.Alerts.Where(a => a.ChildId == child && a.RuleId == "matrix-rule").Select(a => a.Id).SingleAsync();
            w.Objects[ResourceKind.Referral] = await Use(x => x.GetRequiredService<MakeReferral>().RunAsync(priya, child, s.Id, $"{Marker} referral reason", false, null), "referral");
            w.Objects[ResourceKind.Service] = s.Id;
        }
        w.Objects[ResourceKind.Withdrawal] = await Use(s => s.GetRequiredService<ProposeWithdrawal>().RunAsync(nurse, w.Parts[PartKind.Involvement],
            new WithdrawalForm($"{Marker} withdrawal reason", WithdrawalRisk.Low, "Low: the GP stays involved", WithdrawalRoute.NoticeToTeam, null, true)), "withdrawal");
        w.Objects[ResourceKind.Difference] = await Use(s => s.GetRequiredService<RaiseDifference>().RunAsync(priya, child,
            new RaiseForm(false, $"{Marker} difference concerns", subject.AgencyId, null, "It leaves her unseen", "A visit this week", null)), "difference");
        w.Objects[ResourceKind.Link] = await Use(s => s.GetRequiredService<RecordAssociation>().RunAsync(priya, child,
            new AssociationForm(LinkTarget.Child, Domain.Exploitation.AssociationKind.Friend, "Zephyrine", "Matrixpeer", null, 14, null, null, null, null, null, null,
                "Child’s own account", Domain.Exploitation.SourceReliability.Reliable, Domain.Exploitation.InformationAssessment.KnownDirectly, today, $"{Marker} link note", false, null)), "link");
        w.Secrets.Add("Zephyrine");
        var frontDoor = await ActorAsync(app, world.FrontDoorEmail) with { Roles = new HashSet<string> { Roles.FrontDoor } };
        w.Objects[ResourceKind.Contact] = await Use(s => s.GetRequiredService<RecordContact>().RunAsync(frontDoor, child,
            nameof(Domain.FrontDoor.ContactSource.PoliceIncident), "PC Matrix", $"{Marker} contact summary"), "contact");
        await using (var db = app.CreateContext())
        {
            w.Parts[PartKind.ShareAttachment] = await db.ShareAttachments.Where(a => a.ShareId == share).Select(a => a.Id).SingleAsync();
        }

        await w.AddOutsidersAsync(app, parties, world);
        return w;
    }

    private async Task AddOutsidersAsync(AppFactory app, Partnership parties, Scenario world)
    {
        Outsiders.Add(new("police officer (another agency)", world.PoliceEmail, Roles.Practitioner, false));
        Outsiders.Add(new("social worker in another team", world.OtherTeamEmail, Roles.Practitioner, false));
        Outsiders.Add(new("administrator", world.AdministratorEmail, Roles.Administrator, true));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await using var db = app.CreateContext();
        var csc = await db.Practitioners.Where(p => p.Email == world.OtherTeamEmail).Select(p => new { p.AgencyId, p.TeamId }).SingleAsync();
        var others = new (string Label, string Name, AgencyKind Kind, string Role, bool SameCsc)[]
        {
            ("school safeguarding lead", "Matrix Academy", AgencyKind.School, Roles.Practitioner, false),
            ("health visitor", "Matrix Health", AgencyKind.AcuteHospital, Roles.Practitioner, false),
            ("youth justice worker", "Matrix Youth Justice", AgencyKind.YouthJustice, Roles.Practitioner, false),
            ("manager in another team", "", AgencyKind.ChildrensSocialCare, Roles.Manager, true),
            ("partnership lead", "Matrix Partnership", AgencyKind.Partnership, Roles.PartnershipLead, false),
        };
        foreach (var (label, name, kind, role, sameCsc) in others)
        {
            var org = sameCsc ? new ChildStory.Tests.TeamAroundChild.Org(csc.AgencyId, csc.TeamId!.Value, "") : await parties.AgencyAsync(name, kind);
            var email = $"matrix.{Guid.NewGuid():N}@outsider.test.example";
            db.Practitioners.Add(new Practitioner(Guid.NewGuid(), "Matrix", label.Split(' ')[0], email, label, org.AgencyId, org.TeamId));
            await db.SaveChangesAsync();
            var id = await db.Practitioners.Where(p => p.Email == email).Select(p => p.Id).SingleAsync();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PractitionerId = id };
            Assert.True((await users.CreateAsync(user, Scenario.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            Outsiders.Add(new(label, email, role, role is Roles.Manager or Roles.PartnershipLead));
        }
        OutsideSystems.Add(("police records system", world.PoliceApiKey));
        var health = await parties.AgencyAsync("Matrix GP system", AgencyKind.GeneralPractice);
        var (client, key) = ApiClient.Create(health.AgencyId, "GP records system");
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        OutsideSystems.Add(("GP records system", key));
    }

    private static async Task<Actor> ActorAsync(AppFactory app, string email)
    {
        await using var db = app.CreateContext();
        var p = await db.Practitioners.AsNoTracking().SingleAsync(x => x.Email == email);
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{p.GivenName} {p.FamilyName}", p.Id, p.AgencyId, p.TeamId, new HashSet<string> { Roles.Practitioner });
    }
}
