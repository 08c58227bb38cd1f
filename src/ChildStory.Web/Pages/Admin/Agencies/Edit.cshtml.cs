using ChildStory.Data;
using ChildStory.Domain.Partnership;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Agencies;

public sealed class EditAgencyModel(GetAgency getAgency, SaveAgency saveAgency, SaveTeam saveTeam, SetActive setActive, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public AgencyKind? Kind { get; set; }
    [BindProperty] public string? TeamName { get; set; }
    [BindProperty] public TeamFunction? TeamFunction { get; set; }
    [BindProperty] public Guid TeamId { get; set; }
    [BindProperty] public bool Active { get; set; }
    public Agency Agency { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        (Name, Code, Kind) = (Agency.Name, Agency.Code, Agency.Kind);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await Handle(await saveAgency.RunAsync(new SaveAgency.Command(Id, Code, Name, Kind), ct), ct);

    public async Task<IActionResult> OnPostTeamAsync(CancellationToken ct)
    {
        var result = await saveTeam.RunAsync(new SaveTeam.Command(null, Id, TeamName, TeamFunction), ct);
        // The team form's fields are named for the page, the handler's for the team.
        return await Handle(result, ct, f => f switch { "Name" => "TeamName", "Function" => "TeamFunction", _ => f });
    }

    public async Task<IActionResult> OnPostActiveAsync(CancellationToken ct) =>
        await Handle(await setActive.RunAsync(actors.Current, new SetActive.Command(SetActive.Target.Agency, Id, Active), ct), ct);

    public async Task<IActionResult> OnPostTeamActiveAsync(CancellationToken ct) =>
        await Handle(await setActive.RunAsync(actors.Current, new SetActive.Command(SetActive.Target.Team, TeamId, Active), ct), ct);

    private async Task<IActionResult> Handle<T>(ChildStory.Common.Result<T> result, CancellationToken ct, Func<string, string>? rename = null)
    {
        if (result.Succeeded)
        {
            return Redirect($"/admin/agencies/{Id}");
        }
        if (result.Error!.Kind == ChildStory.Common.ErrorKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddErrors(result.Error.Fields, result.Error.Title, rename ?? (f => f));
        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var agency = await getAgency.LoadAsync(Id, ct);
        if (!agency.Succeeded)
        {
            return false;
        }
        Agency = agency.Value;
        return true;
    }
}
