using System.Net.Mail;
using System.Security.Cryptography;
using System.Text.Json;
using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Domain.Partnership;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>
/// Adds a practitioner and their sign-in account, in their agency and team, with their roles. Used by the admin
/// pages and by <c>childstory users add</c>. When no password is given one is generated and returned once.
/// </summary>
public sealed class AddPractitioner(ChildStoryDbContext db, UserManager<AppUser> users)
{
    public sealed record Command(
        string? GivenName, string? FamilyName, string? Email, string? JobTitle, string? Phone,
        Guid? AgencyId, Guid? TeamId, Guid? ManagerId, IReadOnlyList<string> Roles, string? Password);

    public sealed record Added(Guid PractitionerId, Guid UserId, string Email, string? GeneratedPassword);

    public async Task<Result<Added>> RunAsync(Command command, CancellationToken ct = default)
    {
        var errors = await PractitionerValidation.ValidateAsync(db, command.GivenName, command.FamilyName, command.Email, command.JobTitle,
            command.AgencyId, command.TeamId, command.ManagerId, null, ct);
        errors.MaxLength("Phone", command.Phone, 40, "Phone number");
        if (command.Roles.Count == 0)
        {
            errors.Add("Roles", "Select at least one role");
        }
        foreach (var role in command.Roles.Where(r => !ChildStory.Common.Roles.All.Contains(r)))
        {
            errors.Add("Roles", $"'{role}' is not a role: use one of {string.Join(", ", ChildStory.Common.Roles.All)}");
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var email = command.Email!.Trim().ToLowerInvariant();
        var password = string.IsNullOrWhiteSpace(command.Password) ? GeneratePassword() : command.Password;
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new AppUser { UserName = email, Email = email }, password);
            foreach (var problem in check.Errors)
            {
                errors.Add("Password", problem.Description);
            }
        }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var practitioner = new Practitioner(Guid.NewGuid(), command.GivenName!.Trim(), command.FamilyName!.Trim(), email,
            command.JobTitle!.Trim(), command.AgencyId!.Value, command.TeamId);
        practitioner.Update(practitioner.GivenName, practitioner.FamilyName, email, practitioner.JobTitle, command.Phone?.Trim(), practitioner.AgencyId, practitioner.TeamId);
        practitioner.SetManager(command.ManagerId);
        db.Practitioners.Add(practitioner);
        db.Audit(AuditActions.AdminChange, subject: $"Practitioner:{practitioner.Id}",
            detail: JsonSerializer.Serialize(new { change = "added", email, roles = command.Roles }));
        await db.SaveChangesAsync(ct);

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, PractitionerId = practitioner.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, command.Roles);
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            return Error.Invalid(created.Errors.Aggregate(new ValidationErrors(), (e, problem) => e.Add("Email", problem.Description)));
        }
        await transaction.CommitAsync(ct);
        return new Added(practitioner.Id, user.Id, email, string.IsNullOrWhiteSpace(command.Password) ? password : null);
    }

    /// <summary>
    /// 20 random base64 characters after "Cs-", then a digit: Identity's policy wants a digit, and about one
    /// random string in thirty has none (which once made adding a practitioner fail at random).
    /// </summary>
    internal static string GeneratePassword() =>
        "Cs-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'x').Replace('/', 'y') + RandomNumberGenerator.GetInt32(10);
}

/// <summary>The checks shared by adding and editing a practitioner.</summary>
public static class PractitionerValidation
{
    public static async Task<ValidationErrors> ValidateAsync(
        ChildStoryDbContext db, string? givenName, string? familyName, string? email, string? jobTitle,
        Guid? agencyId, Guid? teamId, Guid? managerId, Guid? existingId, CancellationToken ct)
    {
        var errors = new ValidationErrors()
            .Require("GivenName", givenName, "Enter the practitioner's first name")
            .Require("FamilyName", familyName, "Enter the practitioner's last name")
            .Require("Email", email, "Enter the practitioner's work email address")
            .Require("JobTitle", jobTitle, "Enter the practitioner's job title")
            .MaxLength("GivenName", givenName, 100, "First name")
            .MaxLength("FamilyName", familyName, 100, "Last name")
            .MaxLength("Email", email, 256, "Email address")
            .MaxLength("JobTitle", jobTitle, 200, "Job title");
        if (!string.IsNullOrWhiteSpace(email))
        {
            var normalised = email.Trim().ToLowerInvariant();
            if (!MailAddress.TryCreate(normalised, out var parsed) || parsed.Address != normalised || !normalised.Contains('.'))
            {
                errors.Add("Email", "Enter an email address in the correct format, like name@agency.example");
            }
            else if (await db.Practitioners.AnyAsync(p => p.Email == normalised && p.Id != existingId, ct))
            {
                errors.Add("Email", "A practitioner with this email address already exists");
            }
        }
        if (agencyId is null || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, ct))
        {
            errors.Add("AgencyId", "Select the practitioner's agency");
        }
        else if (teamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team && t.AgencyId == agencyId, ct))
        {
            errors.Add("TeamId", "The team must belong to the practitioner's agency");
        }
        if (managerId is { } manager && (manager == existingId || !await db.Practitioners.AnyAsync(p => p.Id == manager && p.IsActive, ct)))
        {
            errors.Add("ManagerId", "Select an active practitioner other than this one as manager");
        }
        return errors;
    }
}
