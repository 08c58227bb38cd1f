using ChildStory.Data;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Features.Admin;

/// <summary>Finds the active practitioner the admin forms name as a manager by e-mail (which scales to any partnership, unlike a list).</summary>
public sealed class ManagerByEmail(ChildStoryDbContext db)
{
    /// <summary>No e-mail: found, no manager. An e-mail naming no active practitioner: not found.</summary>
    public async Task<(bool Found, Guid? ManagerId)> FindAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return (true, null);
        }
        var normalised = email.Trim().ToLowerInvariant();
        var id = await db.Practitioners.Where(p => p.Email == normalised && p.IsActive).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        return (id is not null, id);
    }
}
