using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChildStory.Tests.Infrastructure;

/// <summary>A signed-in browser-like session over the test server: cookies kept, forms posted with their antiforgery token.</summary>
public sealed partial class WebSession(HttpClient client)
{
    public HttpClient Client { get; } = client;

    public static async Task<WebSession> SignInAsync(AppFactory app, string email, string password = Scenario.Password, string? totpKey = null)
    {
        var session = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true }));
        var response = await session.PostFormAsync("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        if (response.RequestMessage!.RequestUri!.AbsolutePath == "/account/two-factor")
        {
            if (totpKey is null)
            {
                throw new InvalidOperationException($"{email} needs a second factor but no authenticator key was given");
            }
            response = await session.PostFormAsync("/account/two-factor", new() { ["Code"] = Totp.Code(totpKey, app.Clock.GetUtcNow()) });
        }
        var landed = response.RequestMessage!.RequestUri!.AbsolutePath;
        if (landed.StartsWith("/account/sign-in", StringComparison.Ordinal) || landed == "/account/two-factor")
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: landed on {landed}");
        }
        return session;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<string> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    /// <summary>Loads the page holding the form (for its antiforgery token) and posts the fields to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? formPage = null)
    {
        var page = await Client.GetStringAsync(formPage ?? url);
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"No antiforgery token on {formPage ?? url}");
        }
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
