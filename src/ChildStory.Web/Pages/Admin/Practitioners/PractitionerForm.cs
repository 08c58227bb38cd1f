using ChildStory.Data;
using ChildStory.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Admin.Practitioners;

/// <summary>The fields of the add and edit practitioner forms. The manager is named by email, which scales to any partnership.</summary>
public sealed class PractitionerForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? Email { get; set; }
    public string? JobTitle { get; set; }
    public string? Phone { get; set; }
    public Guid? AgencyId { get; set; }
    public Guid? TeamId { get; set; }
    public string? ManagerEmail { get; set; }
    public List<string> Roles { get; set; } = [];

    public IReadOnlyList<SelectOption> Agencies { get; set; } = [];
    public IReadOnlyList<SelectOption> Teams { get; set; } = [];

    public async Task LoadOptionsAsync(ChildStoryDbContext db, CancellationToken ct)
    {
        Agencies = await AdminLists.AgenciesAsync(db, ct);
        Teams = await AdminLists.TeamsAsync(db, ct);
    }

    /// <summary>Finds the manager named by email; false (with the field to blame) when the email names nobody.</summary>
    public async Task<(bool Found, Guid? ManagerId)> ManagerAsync(ChildStoryDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(ManagerEmail))
        {
            return (true, null);
        }
        var email = ManagerEmail.Trim().ToLowerInvariant();
        var id = await db.Practitioners.Where(p => p.Email == email && p.IsActive).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        return (id is not null, id);
    }
}
