using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChildStory.Web.Pages.Account;

public sealed class RecoveryModel(SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter a recovery code");
            return Page();
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.RecoveryCodeUsed, user, user.Email!);
            return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, user, user.Email!);
            return RedirectToPage("/Account/SignIn", new { lockedOut = true });
        }
        await audit.WriteAsync(AuditActions.SignInFailed, user, user.Email!, "{\"reason\":\"wrong recovery code\"}");
        ModelState.AddModelError(nameof(Code), "That recovery code is not right, or has been used");
        return Page();
    }
}
