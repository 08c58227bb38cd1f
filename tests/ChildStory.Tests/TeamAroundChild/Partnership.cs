using ChildStory.Common;
using ChildStory.Domain.Casework;
using ChildStory.Domain.Partnership;
using ChildStory.Domain.People;
using ChildStory.Features.Meetings;
using ChildStory.Features.Plans;
using ChildStory.Tests.Infrastructure;

namespace ChildStory.Tests.TeamAroundChild;

/// <summary>An agency and its one service team, made by a test for itself.</summary>
internal sealed record Org(Guid AgencyId, Guid TeamId, string Name);

/// <summary>
/// Builds each test's own agencies, teams, practitioners, children and involvements straight into the database, with
/// unique names, so tests never touch the shared scenario's children and do not depend on their order.
/// </summary>
internal sealed class Partnership(AppFactory app)
{
    public static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    public async Task<Org> AgencyAsync(string name, AgencyKind kind)
    {
        await using var db = app.CreateContext();
        var unique = $"{name} {Tag()}";
        var agency = new Agency(Guid.NewGuid(), "T" + Tag(), unique, kind);
        var team = new Team(Guid.NewGuid(), agency.Id, $"{unique} team", TeamFunction.Service);
        db.AddRange(agency, team);
        await db.SaveChangesAsync();
        return new Org(agency.Id, team.Id, unique);
    }

    /// <summary>Another team in the same agency.</summary>
    public async Task<Org> TeamAsync(Org agency, string name)
    {
        await using var db = app.CreateContext();
        var team = new Team(Guid.NewGuid(), agency.AgencyId, $"{name} {Tag()}", TeamFunction.Service);
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return agency with { TeamId = team.Id };
    }

    public async Task<Actor> WorkerAsync(Org org, string given, string family, Guid? managerId = null)
    {
        await using var db = app.CreateContext();
        var p = new Practitioner(Guid.NewGuid(), given, family, $"{given}.{family}.{Tag()}@team.test.example".ToLowerInvariant(), "Practitioner", org.AgencyId, org.TeamId);
        if (managerId is { } m)
        {
            p.SetManager(m);
        }
        db.Practitioners.Add(p);
        await db.SaveChangesAsync();
        return new Actor(ActorKind.User, Guid.NewGuid(), $"{given} {family}", p.Id, org.AgencyId, org.TeamId, new HashSet<string> { Roles.Practitioner });
    }

    public async Task<Guid> ChildAsync(string given, DateOnly? born = null)
    {
        await using var db = app.CreateContext();
        var child = new Person(Guid.NewGuid(), given, "Test" + Tag(), born ?? new DateOnly(2015, 6, 1), Gender.Female, isChild: true);
        db.People.Add(child);
        await db.SaveChangesAsync();
        return child.Id;
    }

    public async Task<Guid> InvolveAsync(Guid childId, Actor worker, InvolvementRole role, bool lead = false, DateOnly? startedOn = null)
    {
        await using var db = app.CreateContext();
        var involvement = new Involvement(Guid.NewGuid(), childId, worker.AgencyId!.Value, worker.TeamId, worker.PractitionerId, role, startedOn ?? new DateOnly(2026, 1, 5));
        if (lead)
        {
            involvement.MakeLeadProfessional();
        }
        db.Involvements.Add(involvement);
        await db.SaveChangesAsync();
        return involvement.Id;
    }

    public static PlanForm Plan(PlanKind kind, DateOnly startedOn, Actor lead, ChildVoice? voice = null, IReadOnlyList<ActionInput>? actions = null, DateOnly? nextReview = null) =>
        new(kind, startedOn, nextReview ?? startedOn.AddMonths(3), lead.PractitionerId, kind == PlanKind.ChildProtection ? ProtectionCategory.Neglect : null,
            AdultServices.None, ["Feels safe at home and goes to school every day"], actions ?? [], voice ?? ChildVoice.None, FamilyViews.None, null);

    public static MeetingForm Meeting(MeetingType type, DateTimeOffset startsAt, IReadOnlyList<Invitee> invitees, bool confirmShort = false, string? shortReason = null) =>
        new(type, startsAt, MeetingFormat.Video, null, "Review the plan", false, invitees, confirmShort, shortReason);

    public static HeldForm Held(DateTimeOffset heldAt, MeetingOutcome outcome, string? lateReason = null) =>
        new(heldAt, "Chair Person", outcome, "The meeting agreed the next steps", null, ChildVoice.None, new Dictionary<Guid, Attendance>(), [], lateReason);
}
