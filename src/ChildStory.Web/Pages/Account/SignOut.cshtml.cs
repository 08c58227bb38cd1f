using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAudit audit) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            // A new stamp ends this session on the server, and every copy of its cookie with it (issue 15, finding 6),
            // as well as the account's other sessions: the stamp is per account.
            await users.UpdateSecurityStampAsync(user);
            await signIn.SignOutAsync();
            await audit.WriteAsync(AuditActions.SignedOut, user, user.Email!);
        }
        return RedirectToPage("/Account/SignIn");
    }
}
