using ChildStory.Domain.Partnership;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Agencies;

public sealed class AgenciesModel(ListAgencies list, SaveAgency save) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public AgencyKind? Kind { get; set; }
    public IReadOnlyList<ListAgencies.Row> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await save.RunAsync(new SaveAgency.Command(null, Code, Name, Kind), ct);
        if (result.Succeeded)
        {
            return Redirect($"/admin/agencies/{result.Value.Id}");
        }
        ModelState.AddErrors(result.Error!);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Agencies = await list.RunAsync(ct);
}
