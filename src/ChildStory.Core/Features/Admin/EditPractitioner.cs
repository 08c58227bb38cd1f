using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>
/// Changes a practitioner's details, agency, team, manager and roles. Administrators cannot take the
/// Administrator role from themselves, so the partnership is never left without one by accident.
/// </summary>
public sealed class EditPractitioner(ChildStoryDbContext db, UserManager<AppUser> users)
{
    public sealed record Command(
        Guid Id, string? GivenName, string? FamilyName, string? Email, string? JobTitle, string? Phone,
        Guid? AgencyId, Guid? TeamId, Guid? ManagerId, IReadOnlyList<string> Roles);

    public async Task<Result<bool>> RunAsync(Actor actor, Command command, CancellationToken ct = default)
    {
        var practitioner = await db.Practitioners.SingleOrDefaultAsync(p => p.Id == command.Id, ct);
        if (practitioner is null)
        {
            return Error.NotFound("Practitioner");
        }
        var errors = await PractitionerValidation.ValidateAsync(db, command.GivenName, command.FamilyName, command.Email, command.JobTitle,
            command.AgencyId, command.TeamId, command.ManagerId, practitioner.Id, ct);
        errors.MaxLength("Phone", command.Phone, 40, "Phone number");
        foreach (var role in command.Roles.Where(r => !ChildStory.Common.Roles.All.Contains(r)))
        {
            errors.Add("Roles", $"'{role}' is not a role");
        }
        if (command.Roles.Count == 0)
        {
            errors.Add("Roles", "Select at least one role");
        }
        if (actor.PractitionerId == practitioner.Id && !command.Roles.Contains(ChildStory.Common.Roles.Administrator))
        {
            errors.Add("Roles", "You cannot remove the Administrator role from yourself: ask another administrator");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var email = command.Email!.Trim().ToLowerInvariant();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        practitioner.Update(command.GivenName!.Trim(), command.FamilyName!.Trim(), email, command.JobTitle!.Trim(),
            string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim(), command.AgencyId!.Value, command.TeamId);
        practitioner.SetManager(command.ManagerId);
        var user = await users.Users.SingleOrDefaultAsync(u => u.PractitionerId == practitioner.Id, ct);
        IList<string> before = [];
        if (user is not null)
        {
            before = await users.GetRolesAsync(user);
            var changed = await users.RemoveFromRolesAsync(user, before.Except(command.Roles));
            if (changed.Succeeded) { changed = await users.AddToRolesAsync(user, command.Roles.Except(before)); }
            if (changed.Succeeded && user.Email != email)
            {
                user.Email = user.UserName = email;
                changed = await users.UpdateAsync(user);
            }
            if (!changed.Succeeded)
            {
                await transaction.RollbackAsync(ct);
                return Error.Invalid(changed.Errors.Aggregate(new ValidationErrors(), (e, p) => e.Add("Email", p.Description)));
            }
            // Roles and agency live in the sign-in cookie: end existing sessions so the change takes effect.
            await users.UpdateSecurityStampAsync(user);
        }
        db.Audit(AuditActions.AdminChange, subject: $"Practitioner:{practitioner.Id}",
            detail: JsonSerializer.Serialize(new { change = "edited", email, rolesBefore = before, rolesAfter = command.Roles, command.AgencyId, command.TeamId, command.ManagerId }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
