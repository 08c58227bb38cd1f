using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Practitioners;

public sealed class PractitionersModel(ListPractitioners list, PartnershipLists lists) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public ListPractitioners.Page Results { get; private set; } = null!;
    public IReadOnlyList<SelectOption> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await AdminLists.AgenciesAsync(lists, ct);
        Results = await list.RunAsync(new ListPractitioners.Query(AgencyId, Text, PageNumber), ct);
    }
}
