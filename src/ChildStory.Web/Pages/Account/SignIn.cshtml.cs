using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ChildStory.Web.Pages.Account;

/// <summary>
/// Signs in with a password. Every refusal (unknown account, wrong password, locked account, client shut out)
/// gives the same words after the same hashing work, so the page tells no one who has an account (issue 15,
/// finding 8); the audit log keeps the real reason.
/// </summary>
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class SignInModel(
    SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAudit audit, SignInThrottle throttle, IOptions<SecurityOptions> security)
    : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Set by the second step when its own lock-out starts: by then the password has been proven.</summary>
    [BindProperty(SupportsGet = true)] public bool LockedOut { get; set; }

    public int LockoutMinutes => security.Value.LockoutMinutes;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        LockedOut = false;
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter your work email address");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Email!.Trim();
        var client = SignInThrottle.ClientOf(HttpContext);
        if (!throttle.TryAttempt("password:" + email))
        {
            if (throttle.FirstRefusalThisMinute("account:" + email))
            {
                await audit.WriteAsync(AuditActions.SignInFailed, null, email, "{\"reason\":\"throttled\",\"limit\":\"account\"}");
            }
            return TooManyAttempts();
        }
        var user = await users.FindByEmailAsync(email);
        var shutOut = throttle.IsShutOut(email, client);
        var result = user is null || shutOut
            ? SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: false);
        if (user is null || shutOut || result.IsLockedOut || result.IsNotAllowed)
        {
            // These end before Identity checks the password: do the same work, so they take as long.
            DecoyPassword.Check(users.PasswordHasher, Password!);
        }
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Succeeded(email, client);
        }
        if (result.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignedIn, user, email, "{\"factors\":\"password\"}");
            return LocalRedirect(ReturnUrls.Safe(ReturnUrl));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = ReturnUrls.Safe(ReturnUrl) });
        }
        await AuditRefusalAsync(user, email, client, shutOut, result);
        ModelState.AddModelError(nameof(Email),
            $"The email address or password is not right. After {security.Value.MaxFailedSignIns} wrong attempts, signing in waits for " +
            $"{LockoutMinutes} minutes: if you are sure of your details, try again later or ask your administrator");
        return Page();
    }

    private async Task AuditRefusalAsync(AppUser? user, string email, string client, bool shutOut, SignInResult result)
    {
        if (shutOut || result.IsLockedOut)
        {
            await audit.WriteAsync(AuditActions.LockedOut, user, email, shutOut ? "{\"reason\":\"client shut out\"}" : "{\"reason\":\"account locked\"}");
        }
        else if (throttle.Failed(email, client))
        {
            await audit.WriteAsync(AuditActions.LockedOut, user, email, "{\"reason\":\"too many wrong passwords from this client\"}");
        }
        else
        {
            var reason = user is null ? "unknown account" : result.IsNotAllowed ? "not allowed" : "wrong password";
            await audit.WriteAsync(AuditActions.SignInFailed, user, email, $"{{\"reason\":\"{reason}\"}}");
        }
    }

    private StatusCodeResult TooManyAttempts()
    {
        Response.Headers.RetryAfter = "60";
        return StatusCode(StatusCodes.Status429TooManyRequests);
    }
}
