using ChildStory.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Account.Manage;

public sealed class RecoveryCodesModel(UserManager<AppUser> users) : PageModel
{
    public IReadOnlyList<string> Codes { get; private set; } = [];

    public void OnGet() =>
        Codes = (TempData["RecoveryCodes"] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Manage/Authenticator");
        }
        Codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        return Page();
    }
}
