using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Account.Manage;

public sealed class ManageModel(UserManager<AppUser> users) : PageModel
{
    public string Email { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public IList<string> Roles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        Email = user.Email ?? "";
        TwoFactorEnabled = user.TwoFactorEnabled;
        Roles = await users.GetRolesAsync(user);
        return Page();
    }
}
