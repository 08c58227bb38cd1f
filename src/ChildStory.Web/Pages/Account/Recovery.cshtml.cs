using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChildStory.Web.Pages.Account;

[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class RecoveryModel(SignInManager<AppUser> signIn, SignInAudit audit, SignInThrottle throttle) : PageModel
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
        if (!throttle.TryAttempt("second-step:" + user.Id))
        {
            await audit.WriteAsync(AuditActions.SignInFailed, user, user.Email!, "{\"reason\":\"throttled\",\"limit\":\"account\",\"step\":\"recovery code\"}");
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.RecoveryCodeUsed, user, user.Email!);
            return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
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
