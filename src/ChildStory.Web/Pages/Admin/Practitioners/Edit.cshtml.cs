using ChildStory.Common;
using ChildStory.Data;
using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Practitioners;

public sealed class EditPractitionerModel(
    GetPractitioner get, ManagerByEmail managers, PartnershipLists lists, EditPractitioner edit, SetActive setActive, AccountActions account, IActorAccessor actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public PractitionerForm Form { get; set; } = new();
    [BindProperty] public bool Active { get; set; }
    public string Name { get; private set; } = "";
    public bool IsActive { get; private set; }
    public bool HasAccount { get; private set; }
    public bool LockedOut { get; private set; }
    public bool TwoFactor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(fillForm: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (found, managerId) = await managers.FindAsync(Form.ManagerEmail, ct);
        if (!found)
        {
            ModelState.AddModelError("Form.ManagerEmail", "No active practitioner has this email address");
            return await LoadAsync(fillForm: false, ct) ? Page() : NotFound();
        }
        var result = await edit.RunAsync(actors.Current, new EditPractitioner.Command(Id, Form.GivenName, Form.FamilyName, Form.Email, Form.JobTitle, Form.Phone,
            Form.AgencyId, Form.TeamId, managerId, Form.Roles), ct);
        return await AfterAsync(result, ct);
    }

    public async Task<IActionResult> OnPostActiveAsync(CancellationToken ct) =>
        await AfterAsync(await setActive.RunAsync(actors.Current, new SetActive.Command(SetActive.Target.Practitioner, Id, Active), ct), ct);

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct) => await AfterAsync(await account.UnlockAsync(Id, ct), ct);

    public async Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct) => await AfterAsync(await account.ResetTwoFactorAsync(Id, ct), ct);

    private async Task<IActionResult> AfterAsync(Result<bool> result, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            return Redirect($"/admin/practitioners/{Id}");
        }
        if (result.Error!.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        ModelState.Clear();
        ModelState.AddErrors(result.Error, "Form");
        return await LoadAsync(fillForm: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(bool fillForm, CancellationToken ct)
    {
        var loaded = await get.LoadAsync(Id, ct);
        if (!loaded.Succeeded)
        {
            return false;
        }
        var p = loaded.Value;
        (Name, IsActive, HasAccount, LockedOut, TwoFactor) = (p.DisplayName, p.IsActive, p.HasAccount, p.LockedOut, p.TwoFactor);
        if (fillForm)
        {
            Form = new PractitionerForm
            {
                GivenName = p.GivenName,
                FamilyName = p.FamilyName,
                Email = p.Email,
                JobTitle = p.JobTitle,
                Phone = p.Phone,
                AgencyId = p.AgencyId,
                TeamId = p.TeamId,
                ManagerEmail = p.ManagerEmail,
                Roles = [.. p.Roles],
            };
        }
        await Form.LoadOptionsAsync(lists, ct);
        return true;
    }
}
