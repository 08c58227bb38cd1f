using System.Text;
using System.Text.Encodings.Web;
using ChildStory.Domain.Access;
using ChildStory.Domain.Audit;
using ChildStory.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace ChildStory.Web.Pages.Account.Manage;

/// <summary>Sets up a TOTP authenticator (RFC 6238, as ASP.NET Core Identity implements it) and issues recovery codes.</summary>
public sealed class AuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInAudit audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
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
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
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

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        Key = key!;
        FormattedKey = string.Join(' ', Key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var uri = $"otpauth://totp/{UrlEncoder.Default.Encode("ChildStory")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={Key}&issuer=ChildStory&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(Encoding.UTF8.GetBytes(uri), QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4).Replace("<svg ", "<svg role=\"img\" aria-label=\"QR code for your authenticator app\" ", StringComparison.Ordinal);
    }
}
