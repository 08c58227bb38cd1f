using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Partnership;
using Microsoft.AspNetCore.Identity;

namespace ChildStory.Features.Demo;

/// <summary>
/// One sign-in per role, plus a police officer and a school's safeguarding lead, chosen so that need to know shows:
/// the officer and the social worker share some children and not others.
/// </summary>
public static class DemoLogins
{
    public static async Task<IReadOnlyList<DemoLogin>> CreateAsync(
        UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, ChildStoryDbContext db, DemoOptions options)
    {
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
        var p = SeedDemoData.Partnership(options);
        var team = p.SocialCareCaseTeams[0];
        var wanted = new (string Role, Practitioner Who, string Team, string Agency, string Note)[]
        {
            (Roles.Practitioner, p.DemoSocialWorker, team.Team.Name, team.Agency.Name, "Sees the children her team works with"),
            (Roles.Manager, team.Manager, team.Team.Name, team.Agency.Name, "Manages the social worker; reviews broken glass; two-step sign-in"),
            (Roles.FrontDoor, p.FrontDoor.Members[1], p.FrontDoor.Team.Name, p.FrontDoor.Agency.Name, "Sees every child (triage); two-step sign-in"),
            (Roles.Administrator, p.PartnershipUnit.Members[1], p.PartnershipUnit.Team.Name, p.PartnershipUnit.Agency.Name, "Manages agencies, teams, users and API keys; two-step sign-in"),
            (Roles.PartnershipLead, p.PartnershipUnit.Manager, p.PartnershipUnit.Team.Name, p.PartnershipUnit.Agency.Name, "Partnership oversight; no access to records; two-step sign-in"),
            (Roles.Practitioner, p.DemoOfficer, p.ExploitationTeam.Team.Name, p.ExploitationTeam.Agency.Name, "Police: shares some children with the social worker"),
            (Roles.Practitioner, p.DemoSchool.Staff.Members[1], p.DemoSchool.Staff.Team.Name, p.DemoSchool.Staff.Agency.Name, "School designated safeguarding lead"),
        };
        var logins = new List<DemoLogin>();
        foreach (var (role, who, teamName, agencyName, note) in wanted)
        {
            var user = new AppUser { UserName = who.Email, Email = who.Email, EmailConfirmed = true, PractitionerId = who.Id, LockoutEnabled = true };
            var created = await users.CreateAsync(user, options.Password);
            if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            {
                throw new InvalidOperationException($"Could not create the demo login {who.Email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
            logins.Add(new DemoLogin(role, who.Email, options.Password, who.DisplayName, agencyName, teamName, note));
        }
        return logins;
    }
}
