using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Chronology;
using ChildStory.Domain.Education;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Education;

/// <summary>A school records a suspension or a permanent exclusion, and (when made) the referral to the inclusion project.</summary>
public sealed class RecordExclusion(ChildStoryDbContext db, EducationAccess access)
{
    public sealed record Input(Guid? SchoolId, ExclusionKind? Kind, DateOnly? StartsOn, int? Days, string? Reason, DateOnly? InclusionReferralOn);

    public async Task<Result<Guid>> RunAsync(Actor actor, Guid childId, Input input, CancellationToken ct = default)
    {
        var opened = await access.OpenAsync(actor, childId, ct);
        if (!opened.Succeeded)
        {
            return opened.Error!;
        }
        var errors = new ValidationErrors();
        var school = input.SchoolId is { } id ? await db.Enrolments.AsNoTracking().Where(e => e.ChildId == childId && e.SchoolId == id)
            .Join(db.Agencies, e => e.SchoolId, a => a.Id, (e, a) => a.Name).FirstOrDefaultAsync(ct) : null;
        if (school is null) { errors.Add("SchoolId", "Choose the school, one that has held the child on roll"); }
        if (input.Kind is null) { errors.Add("Kind", "Choose a suspension or a permanent exclusion"); }
        var today = EducationAccess.Today(db);
        if (input.StartsOn is null) { errors.Add("StartsOn", "Enter the date the exclusion starts"); }
        else if (input.StartsOn > today.AddDays(30)) { errors.Add("StartsOn", "The start must be within the next 30 days"); }
        if (input.Kind == ExclusionKind.Suspension && input.Days is not (> 0 and <= 45)) { errors.Add("Days", "Enter the school days of the suspension, from 1 to 45"); }
        errors.Require("Reason", input.Reason, "Enter the reason for the exclusion").MaxLength("Reason", input.Reason, 1_000, "The reason");
        if (input.InclusionReferralOn > today) { errors.Add("InclusionReferralOn", "The referral date cannot be in the future"); }
        if (errors.Any)
        {
            return Error.Invalid(errors);
        }
        var exclusion = new Exclusion(Guid.NewGuid(), childId, input.SchoolId!.Value, input.Kind!.Value, input.StartsOn!.Value,
            input.Kind == ExclusionKind.Suspension ? input.Days : null, input.Reason!.Trim());
        if (input.InclusionReferralOn is { } referred)
        {
            exclusion.ReferToInclusion(referred);
        }
        db.Exclusions.Add(exclusion);
        var permanent = input.Kind == ExclusionKind.Permanent;
        await access.RecordAsync(actor, childId, permanent ? EventType.PermanentExclusion : EventType.Suspension,
            permanent ? $"Permanently excluded from {school} from {input.StartsOn:d MMM yyyy}" : $"Suspended from {school} for {input.Days} days from {input.StartsOn:d MMM yyyy}",
            $"Exclusion:{exclusion.Id}", permanent, ct);
        await db.SaveChangesAsync(ct);
        return exclusion.Id;
    }
}
