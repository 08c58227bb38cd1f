using ChildStory.Features.Admin;
using ChildStory.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Admin.Practitioners;

public sealed class NewPractitionerModel(AddPractitioner add, ManagerByEmail managers, ValidatePractitioner validate, PartnershipLists lists) : PageModel
{
    [BindProperty] public PractitionerForm Form { get; set; } = new();
    [BindProperty] public string? Password { get; set; }
    public AddPractitioner.Added? Added { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Form.LoadOptionsAsync(lists, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (found, managerId) = await managers.FindAsync(Form.ManagerEmail, ct);
        if (!found)
        {
            // Nothing is saved: report the manager and everything else that is wrong in one go.
            var others = await validate.RunAsync(Form.GivenName, Form.FamilyName, Form.Email, Form.JobTitle, Form.AgencyId, Form.TeamId, ct);
            if (others.Any)
            {
                ModelState.AddErrors(others.ToDictionary(), "", FieldKey);
            }
            ModelState.AddModelError("Form.ManagerEmail", "No active practitioner has this email address");
        }
        else
        {
            var result = await add.RunAsync(new AddPractitioner.Command(Form.GivenName, Form.FamilyName, Form.Email, Form.JobTitle, Form.Phone,
                Form.AgencyId, Form.TeamId, managerId, Form.Roles, Password), ct);
            if (result.Succeeded)
            {
                Added = result.Value;
                return Page();
            }
            ModelState.AddErrors(result.Error!.Fields, result.Error.Title, FieldKey);
        }
        await Form.LoadOptionsAsync(lists, ct);
        return Page();
    }

    private static string FieldKey(string field) => field == "Password" ? "Password" : $"Form.{field}";
}
