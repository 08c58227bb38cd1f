using ChildStory.Data;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.ApiClients;

public sealed class ApiClientsModel(Features.Admin.ApiClients clients, PartnershipLists lists, IActorAccessor actors) : PageModel
{
    [BindProperty] public Guid? AgencyId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public Guid ClientId { get; set; }
    public Features.Admin.ApiClients.Issued? Issued { get; private set; }
    public IReadOnlyList<Features.Admin.ApiClients.Row> Clients { get; private set; } = [];
    public IReadOnlyList<SelectOption> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var result = await clients.IssueAsync(AgencyId, Name, ct);
        if (result.Succeeded)
        {
            // Shown on this response only: never stored, never put in a redirect.
            Issued = result.Value;
            (AgencyId, Name) = (null, null);
        }
        else
        {
            ModelState.AddErrors(result.Error!);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var result = await clients.RevokeAsync(actors.Current, ClientId, ct);
        if (!result.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddErrors(result.Error!);
            await LoadAsync(ct);
            return Page();
        }
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Clients = await clients.ListAsync(ct);
        Agencies = await AdminLists.AgenciesAsync(lists, ct);
    }
}
