using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Domain.Casework;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Meetings;

/// <summary>An action as a form sends it: what, who (a practitioner, or an agency when no one is named) and by when.</summary>
public sealed record ActionInput(string? Description, Guid? OwnerPractitionerId, Guid? OwnerAgencyId, DateOnly? DueOn)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && OwnerPractitionerId is null && OwnerAgencyId is null && DueOn is null;
}

/// <summary>Checks agreed actions row by row (errors name the row: "Actions[1].DueOn") and builds them.</summary>
internal static class AgreedActions
{
    public static async Task<List<AgreedAction>> BuildAsync(ChildStoryDbContext db, IEnumerable<ActionInput> inputs, Guid childId, Guid? meetingId, Guid? planId,
        DateOnly earliestDue, DateTimeOffset now, ValidationErrors errors, CancellationToken ct)
    {
        var rows = inputs.Select((a, i) => (a, i)).Where(x => !x.a.IsBlank).ToList();
        var practitionerIds = rows.Where(x => x.a.OwnerPractitionerId != null).Select(x => x.a.OwnerPractitionerId!.Value).ToList();
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => practitionerIds.Contains(p.Id) && p.IsActive)
            .ToDictionaryAsync(p => p.Id, p => new { p.AgencyId, Name = p.GivenName + " " + p.FamilyName }, ct);
        var agencyIds = rows.Where(x => x.a.OwnerAgencyId != null).Select(x => x.a.OwnerAgencyId!.Value).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id) || practitioners.Values.Select(p => p.AgencyId).Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var built = new List<AgreedAction>();
        foreach (var (a, i) in rows)
        {
            var key = $"Actions[{i}]";
            var description = a.Description?.Trim() ?? "";
            if (description.Length == 0) { errors.Add($"{key}.Description", $"Action {i + 1}: say what is to be done"); }
            else if (description.Length > 2_000) { errors.Add($"{key}.Description", $"Action {i + 1}: the description must be 2,000 characters or fewer"); }
            var owner = a.OwnerPractitionerId is { } pid && practitioners.TryGetValue(pid, out var p) ? p : null;
            if (a.OwnerPractitionerId is not null && owner is null) { errors.Add($"{key}.Owner", $"Action {i + 1}: the owner is not an active practitioner"); }
            if (a.OwnerPractitionerId is null && (a.OwnerAgencyId is null || !agencies.ContainsKey(a.OwnerAgencyId.Value))) { errors.Add($"{key}.Owner", $"Action {i + 1}: choose who owns it"); }
            if (a.DueOn is null) { errors.Add($"{key}.DueOn", $"Action {i + 1}: enter the date it is due"); }
            else if (a.DueOn < earliestDue) { errors.Add($"{key}.DueOn", $"Action {i + 1}: the due date cannot be before {earliestDue:d MMMM yyyy}"); }
            if (errors.Any)
            {
                continue;
            }
            var agencyId = owner?.AgencyId ?? a.OwnerAgencyId!.Value;
            var name = owner is null ? agencies[agencyId] : $"{owner.Name}, {agencies[agencyId]}";
            built.Add(new AgreedAction(Guid.NewGuid(), childId, meetingId, planId, description, agencyId, a.OwnerPractitionerId, name, a.DueOn!.Value, now));
        }
        return built;
    }
}
