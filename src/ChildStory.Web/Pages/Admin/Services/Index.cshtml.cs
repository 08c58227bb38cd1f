using ChildStory.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChildStory.Web.Pages.Admin.Services;

/// <summary>Every referral service with its team and targets, for administrators to add to and change.</summary>
public sealed class IndexModel(ChildStoryDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Team, string Targets, bool Active);

    public IReadOnlyList<Row> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.ReferralServices.AsNoTracking().OrderBy(s => s.Name)
            .Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => new { s.Id, s.Name, Team = t.Name, s.ReceiveDays, s.DecideDays, s.AllocateDays, s.FirstContactDays, s.FastTrackHours, s.IsActive })
            .ToListAsync(ct);
        Services = rows.Select(r => new Row(r.Id, r.Name, r.Team, $"{r.ReceiveDays}, {r.DecideDays}, {r.AllocateDays}, {r.FirstContactDays} days; {r.FastTrackHours} h", r.IsActive)).ToList();
    }
}
