using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>
/// Deactivates or reactivates an agency, a team or a practitioner. A deactivated agency's API keys stop working;
/// a deactivated practitioner's account is locked and their sessions end at once (security stamp changed).
/// </summary>
public sealed class SetActive(ChildStoryDbContext db, UserManager<AppUser> users)
{
    public enum Target
    {
        Agency,
        Team,
        Practitioner,
    }

    public sealed record Command(Target What, Guid Id, bool Active);

    public async Task<Result<bool>> RunAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        switch (command.What)
        {
            case Target.Agency:
                var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == command.Id, ct);
                if (agency is null) { return Error.NotFound("Agency"); }
                if (command.Active) { agency.Reactivate(); } else { agency.Deactivate(); }
                break;
            case Target.Team:
                var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == command.Id, ct);
                if (team is null) { return Error.NotFound("Team"); }
                if (command.Active) { team.Reactivate(); } else { team.Deactivate(); }
                break;
            default:
                var practitioner = await db.Practitioners.SingleOrDefaultAsync(p => p.Id == command.Id, ct);
                if (practitioner is null) { return Error.NotFound("Practitioner"); }
                if (!command.Active && actor.PractitionerId == practitioner.Id)
                {
                    return Error.Conflict("You cannot deactivate yourself: ask another administrator");
                }
                if (command.Active) { practitioner.Reactivate(); } else { practitioner.Deactivate(); }
                if (await users.Users.SingleOrDefaultAsync(u => u.PractitionerId == practitioner.Id, ct) is { } user)
                {
                    await users.SetLockoutEnabledAsync(user, true);
                    await users.SetLockoutEndDateAsync(user, command.Active ? null : DateTimeOffset.MaxValue);
                    await users.UpdateSecurityStampAsync(user);
                }
                break;
        }
        db.Audit(AuditActions.AdminChange, subject: $"{command.What}:{command.Id}",
            detail: JsonSerializer.Serialize(new { change = command.Active ? "reactivated" : "deactivated" }));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
