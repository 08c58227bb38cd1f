using ChildStory.Features.Referrals;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Services;

/// <summary>Every service children are referred to, with its targets, how many wait and how many are overdue.</summary>
public sealed class IndexModel(ReferralQueries queries) : PageModel
{
    public IReadOnlyList<ServiceWaits> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Services = await queries.ServicesAsync(ct);
}
