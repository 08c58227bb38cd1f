using System.Text;
using System.Text.Encodings.Web;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using QRCoder;

namespace ChildStory.Web.Pages.Account.Manage;

/// <summary>
/// Sets up a TOTP authenticator (RFC 6238) and issues recovery codes. The key is shown only while setting up: once
/// two-step sign-in is on, a signed-in session cannot read it (issue 15, finding 7), and setting up a new
/// authenticator needs the password again, then a new key and code.
/// </summary>
[EnableRateLimiting(SignInRateLimiting.Policy)]
public sealed class AuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInAudit audit, SignInThrottle throttle)
    : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    public bool Enrolled { get; private set; }
    public string Key { get; private set; } = "";
    public string FormattedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public bool Required => User.HasClaim(ChildStoryClaims.TwoFactorSetupRequired, "true");

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        Enrolled = user.TwoFactorEnabled;
        if (!Enrolled)
        {
            await LoadKeyAsync(user);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // The same single-use check as signing in: the code that turns it on cannot then sign in.
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), code.Length == 0 ? "Enter the code from your authenticator app" : "The code is not right: check the app shows ChildStory and enter the code it shows now");
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        await audit.WriteAsync(AuditActions.TwoFactorEnabled, user, user.Email!);
        await signIn.RefreshSignInAsync(user);
        TempData["RecoveryCodes"] = string.Join(' ', codes ?? []);
        return RedirectToPage("/Account/Manage/RecoveryCodes");
    }

    /// <summary>Replaces the authenticator: with the password, turns two-step sign-in off and makes a new key to set up.</summary>
    public async Task<IActionResult> OnPostResetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        Enrolled = user.TwoFactorEnabled;
        if (!Enrolled)
        {
            return RedirectToPage();
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
            return Page();
        }
        if (!throttle.TryAttempt("password:" + user.Email))
        {
            Response.Headers.RetryAfter = "60";
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            await audit.WriteAsync(AuditActions.SignInFailed, user, user.Email!, "{\"reason\":\"wrong password to reset the authenticator\"}");
            ModelState.AddModelError(nameof(Password), "The password is not right");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditActions.TwoFactorReset, user, user.Email!, "{\"by\":\"self, with password\"}");
        // The new stamp has ended this session's cookie: issue a fresh one, whose claims now ask for the set-up.
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // Making a key changes the security stamp, which every request checks: keep this session.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = key!;
        FormattedKey = string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("ChildStory")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={Key}&issuer=ChildStory&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4).Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code for your authenticator app\" ", StringComparison.Ordinal);
    }
}
