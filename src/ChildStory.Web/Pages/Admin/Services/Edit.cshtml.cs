using ChildStory.Common;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Services;

/// <summary>Services children are referred to: list them, add one (/admin/services/new) or change one's team, targets and status.</summary>
public sealed class EditModel(GetReferralService get, PartnershipLists lists, SaveReferralService save) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public Guid? TeamId { get; set; }
    [BindProperty] public string? ReceiveDays { get; set; }
    [BindProperty] public string? DecideDays { get; set; }
    [BindProperty] public string? AllocateDays { get; set; }
    [BindProperty] public string? FirstContactDays { get; set; }
    [BindProperty] public string? FastTrackHours { get; set; }
    [BindProperty] public bool Active { get; set; } = true;

    public bool Adding { get; private set; }
    public IReadOnlyList<SelectOption> Teams { get; private set; } = [];
    public ServiceFormView Form => new(Name, Kind, TeamId, ReceiveDays, DecideDays, AllocateDays, FirstContactDays, FastTrackHours, Active, Teams,
        Adding ? "Add the service" : "Save changes");

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) { return NotFound(); }
        if (!Adding)
        {
            var s = (await get.LoadAsync(Guid.Parse(id), ct)).Value;
            (Name, Kind, TeamId, Active) = (s.Name, s.Kind.ToString(), s.TeamId, s.IsActive);
            (ReceiveDays, DecideDays, AllocateDays, FirstContactDays, FastTrackHours) =
                (s.ReceiveDays.ToString(), s.DecideDays.ToString(), s.AllocateDays.ToString(), s.FirstContactDays.ToString(), s.FastTrackHours.ToString());
        }
        else
        {
            (ReceiveDays, DecideDays, AllocateDays, FirstContactDays, FastTrackHours) = ("2", "5", "10", "5", "24");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) { return NotFound(); }
        static int? Number(string? text) => int.TryParse(text, out var n) ? n : null;
        var result = await save.RunAsync(new SaveReferralService.Command(Adding ? null : Guid.Parse(id), Name, Kind, TeamId, Number(ReceiveDays),
            Number(DecideDays), Number(AllocateDays), Number(FirstContactDays), Number(FastTrackHours), Active), ct);
        if (result.Succeeded)
        {
            return Redirect("/admin/services");
        }
        if (result.Error!.Kind is ErrorKind.NotFound) { return NotFound(); }
        ModelState.AddErrors(result.Error);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        Adding = id == "new";
        if (!Adding && (!Guid.TryParse(id, out var guid) || !(await get.LoadAsync(guid, ct)).Succeeded))
        {
            return false;
        }
        Teams = (await lists.TeamsAsync(ct)).Select(t => new SelectOption(t.Id.ToString(), $"{t.Name} ({t.Agency})")).ToList();
        return true;
    }
}
