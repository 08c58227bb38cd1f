using ChildStory.Data;
using ChildStory.Features.Access;
using ChildStory.Features.Children;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChildStory.Web.Pages.Children;

/// <summary>Break the glass: a reasoned search across the partnership, then time-limited access to one child (see Features/Access/README.md).</summary>
public sealed class BreakGlassModel(SearchChildren search, BreakGlass breakGlass, ChildAccess scope, IActorAccessor actors, IOptions<AccessOptions> access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public string? Name { get; set; }
    [BindProperty(SupportsGet = true)] public string? DateOfBirth { get; set; }
    [BindProperty(SupportsGet = true)] public string? NhsNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Upn { get; set; }
    [BindProperty] public Guid ChildId { get; set; }

    public SearchCriteria Criteria => new() { Name = Name, DateOfBirth = DateOfBirth, NhsNumber = NhsNumber, Upn = Upn };
    public SearchChildren.Results? Results { get; private set; }
    public int GlassBreakHours => access.Value.GlassBreakHours;
    public string ScopeDescription { get; private set; } = "agency";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (actors.Current.PractitionerId is null)
        {
            return Forbid();
        }
        var description = await scope.DescribeAsync(actors.Current, ct);
        ScopeDescription = description is "team" ? "team" : "agency";
        if (Reason is null && Criteria.IsEmpty)
        {
            return Page();
        }
        var reason = Reason?.Trim() ?? "";
        if (reason.Length < access.Value.MinimumReasonLength)
        {
            ModelState.AddModelError(nameof(Reason), reason.Length == 0
                ? "Enter the reason you need to search the whole partnership"
                : $"Reason must be at least {access.Value.MinimumReasonLength} characters: say why you need to see this record now");
        }
        else if (reason.Length > 2000)
        {
            ModelState.AddModelError(nameof(Reason), "Reason must be 2,000 characters or fewer");
        }
        if (Criteria.IsEmpty)
        {
            ModelState.AddModelError(nameof(Name), "Enter a name, date of birth, NHS number or UPN to search for");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await search.RunAsync(actors.Current, Criteria.ToQuery(), glassBreakReason: reason, ct: ct);
        if (result.Succeeded)
        {
            Results = result.Value;
        }
        else
        {
            ModelState.AddErrors(result.Error!);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await breakGlass.RunAsync(actors.Current, new BreakGlass.Command(ChildId, Reason), ct);
        if (result.Succeeded)
        {
            return Redirect($"/children/{ChildId}");
        }
        if (result.Error!.Kind == ChildStory.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }
        ModelState.AddErrors(result.Error);
        return Page();
    }
}
