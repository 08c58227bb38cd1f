using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;

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

    public async Task LoadOptionsAsync(PartnershipLists lists, CancellationToken ct)
    {
        Agencies = await AdminLists.AgenciesAsync(lists, ct);
        Teams = await AdminLists.TeamsAsync(lists, ct);
    }
}
