using ChildStory.Features.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Rules;

/// <summary>The partnership's safeguarding rules: what each is for, where it comes from, its parameters, how often it fired and was dismissed.</summary>
public sealed class IndexModel(RuleCatalogue catalogue) : PageModel
{
    public IReadOnlyList<RuleStatistics> Rules { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rules = await catalogue.StatisticsAsync(ct);
}
