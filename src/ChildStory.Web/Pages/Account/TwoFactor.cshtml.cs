using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChildStory.Web.Pages.Account;

/// <summary>The second step: a code from the authenticator app, each code good once (<see cref="SingleUseAuthenticatorTokenProvider"/>).</summary>
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class TwoFactorModel(SignInManager<AppUser> signIn, SignInAudit audit, SignInThrottle throttle) : PageModel
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
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0 ? "Enter the code from your authenticator app" : "The code must be 6 numbers");
            return Page();
        }
        if (!throttle.TryAttempt("second-step:" + user.Id))
        {
            await audit.WriteAsync(AuditActions.SignInFailed, user, user.Email!, "{\"reason\":\"throttled\",\"limit\":\"account\",\"step\":\"authenticator\"}");
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignedIn, user, user.Email!, "{\"factors\":\"password+authenticator\"}");
            return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
        }
        if (result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, user, user.Email!);
            return RedirectToPage("/Account/SignIn", new { lockedOut = true });
        }
        await audit.WriteAsync(AuditActions.SignInFailed, user, user.Email!, "{\"reason\":\"wrong or used authenticator code\"}");
        ModelState.AddModelError(nameof(Code), "The code is not right or has expired: enter the code your app shows now");
        return Page();
    }
}
