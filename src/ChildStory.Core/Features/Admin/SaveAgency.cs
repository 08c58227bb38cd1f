using System.Text.Json;
using System.Text.RegularExpressions;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Partnership;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Adds an agency to the partnership, or changes one's code, name or kind. Codes are unique and upper-case.</summary>
public sealed partial class SaveAgency(ChildStoryDbContext db)
{
    public sealed record Command(Guid? Id, string? Code, string? Name, AgencyKind? Kind);

    public async Task<Result<Agency>> RunAsync(Command command, CancellationToken ct = default)
    {
        var code = command.Code?.Trim().ToUpperInvariant() ?? "";
        var errors = new ValidationErrors().Require("Name", command.Name, "Enter the agency's name").MaxLength("Name", command.Name, 200, "Name");
        if (code.Length == 0)
        {
            errors.Add("Code", "Enter a short code for the agency, like CSC or GP3");
        }
        else if (!CodePattern().IsMatch(code))
        {
            errors.Add("Code", "Code must be 2 to 20 letters, numbers or hyphens");
        }
        else if (await db.Agencies.AnyAsync(a => a.Code == code && a.Id != command.Id, ct))
        {
            errors.Add("Code", $"Another agency already has the code {code}");
        }
        if (command.Kind is null)
        {
            errors.Add("Kind", "Select the kind of agency");
        }
        var agency = command.Id is { } id ? await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) : null;
        if (command.Id is not null && agency is null)
        {
            return Error.NotFound("Agency");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        if (agency is null)
        {
            agency = new Agency(Guid.NewGuid(), code, command.Name!.Trim(), command.Kind!.Value);
            db.Agencies.Add(agency);
        }
        else
        {
            agency.Update(code, command.Name!.Trim(), command.Kind!.Value);
        }
        db.Audit(AuditActions.AdminChange, subject: $"Agency:{agency.Id}",
            detail: JsonSerializer.Serialize(new { change = command.Id is null ? "added" : "edited", code, name = agency.Name, kind = agency.Kind.ToString() }));
        await db.SaveChangesAsync(ct);
        return agency;
    }

    [GeneratedRegex("^[A-Z0-9-]{2,20}$")]
    private static partial Regex CodePattern();
}
