using ChildStory.Common;
using ChildStory.Data;

namespace ChildStory.Features.Admin;

/// <summary>
/// Checks a new practitioner's details without saving them, so that the add form can report every mistake at once
/// when the manager it names cannot be found (and <see cref="AddPractitioner"/> is never run).
/// </summary>
public sealed class ValidatePractitioner(ChildStoryDbContext db)
{
    public async Task<ValidationErrors> RunAsync(string? givenName, string? familyName, string? email, string? jobTitle, Guid? agencyId, Guid? teamId,
        CancellationToken ct = default) =>
        await PractitionerValidation.ValidateAsync(db, givenName, familyName, email, jobTitle, agencyId, teamId, null, null, ct);
}
