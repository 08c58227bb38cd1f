using ChildStory.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Admin;

public sealed class AdminIndexModel(ChildStoryDbContext db) : PageModel
{
    public int Agencies { get; private set; }
    public int Teams { get; private set; }
    public int Practitioners { get; private set; }
    public int ApiClients { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Agencies = await db.Agencies.CountAsync(a => a.IsActive, ct);
        Teams = await db.Teams.CountAsync(t => t.IsActive, ct);
        Practitioners = await db.Practitioners.CountAsync(p => p.IsActive, ct);
        ApiClients = await db.ApiClients.CountAsync(c => c.RevokedAt == null, ct);
    }
}
