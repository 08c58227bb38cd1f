using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children;

public sealed class SearchModel(SearchChildren search, IActorAccessor actors, IOptions<AccessOptions> access, ChildAccess scope, Features.Exploitation.PossibleVictim victims)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? DateOfBirth { get; set; }
    [BindProperty(SupportsGet = true)] public string? NhsNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Upn { get; set; }

    public SearchCriteria Criteria => new() { Name = Name, DateOfBirth = DateOfBirth, NhsNumber = NhsNumber, Upn = Upn };

    public SearchChildren.Results? Results { get; private set; }

    public IReadOnlyDictionary<Guid, Features.Exploitation.PossibleVictim.Marker> Markers { get; private set; } = new Dictionary<Guid, Features.Exploitation.PossibleVictim.Marker>();

    public int GlassBreakHours => access.Value.GlassBreakHours;

    /// <summary>Social care practitioners see their team's children; everyone else their agency's.</summary>
    public string ScopeDescription { get; private set; } = "agency";

    public async Task OnGetAsync(CancellationToken ct)
    {
        ScopeDescription = await scope.DescribeAsync(actors.Current, ct);
        if (Criteria.IsEmpty)
        {
            return;
        }
        var result = await search.RunAsync(actors.Current, Criteria.ToQuery(), ct: ct);
        if (result.Succeeded)
        {
            Results = result.Value;
            // Only this search's results, which are children the searcher may see (broken-glass searches show no markers).
            Markers = await victims.ForAsync(Results.Matches.Select(m => m.Id).ToList(), ct);
        }
        else
        {
            ModelState.AddErrors(result.Error!);
        }
    }
}
