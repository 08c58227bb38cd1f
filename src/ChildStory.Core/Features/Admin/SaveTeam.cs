using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Adds a team to an agency, or renames one or changes its function. Names are unique within an agency.</summary>
public sealed class SaveTeam(ChildStoryDbContext db)
{
    public sealed record Command(Guid? Id, Guid AgencyId, string? Name, TeamFunction? Function);

    public async Task<Result<Team>> RunAsync(Command command, CancellationToken ct = default)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == command.AgencyId, ct))
        {
            return Error.NotFound("Agency");
        }
        var team = command.Id is { } id ? await db.Teams.SingleOrDefaultAsync(t => t.Id == id && t.AgencyId == command.AgencyId, ct) : null;
        if (command.Id is not null && team is null)
        {
            return Error.NotFound("Team");
        }
        var name = command.Name?.Trim() ?? "";
        var errors = new ValidationErrors().Require("Name", name, "Enter the team's name").MaxLength("Name", name, 200, "Name");
        if (name.Length > 0 && await db.Teams.AnyAsync(t => t.AgencyId == command.AgencyId && t.Name == name && t.Id != command.Id, ct))
        {
            errors.Add("Name", $"This agency already has a team called {name}");
        }
        if (command.Function is null)
        {
            errors.Add("Function", "Select what the team does");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        if (team is null)
        {
            team = new Team(Guid.NewGuid(), command.AgencyId, name, command.Function!.Value);
            db.Teams.Add(team);
        }
        else
        {
            team.Update(name, command.Function!.Value);
        }
        db.Audit(AuditActions.AdminChange, subject: $"Team:{team.Id}",
            detail: JsonSerializer.Serialize(new { change = command.Id is null ? "added" : "edited", agency = command.AgencyId, name, function = team.Function.ToString() }));
        await db.SaveChangesAsync(ct);
        return team;
    }
}
