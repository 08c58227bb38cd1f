using ChildStory.Features.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin;

public sealed class AdminIndexModel(AdminSummary summary) : PageModel
{
    public int Agencies { get; private set; }
    public int Teams { get; private set; }
    public int Practitioners { get; private set; }
    public int ApiClients { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        (Agencies, Teams, Practitioners, ApiClients) = await summary.CountAsync(ct);
}
