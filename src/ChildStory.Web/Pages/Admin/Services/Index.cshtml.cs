using ChildStory.Features.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Services;

/// <summary>Every referral service with its team and targets, for administrators to add to and change.</summary>
public sealed class IndexModel(ListReferralServices list) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Team, string Targets, bool Active);

    public IReadOnlyList<Row> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Services = (await list.RunAsync(ct))
            .Select(r => new Row(r.Id, r.Name, r.Team, $"{r.ReceiveDays}, {r.DecideDays}, {r.AllocateDays}, {r.FirstContactDays} days; {r.FastTrackHours} h", r.IsActive)).ToList();
}
