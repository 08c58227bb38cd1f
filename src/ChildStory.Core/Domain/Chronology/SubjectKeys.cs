using System.Security.Cryptography;
using System.Text;

namespace ChildStory.Domain.Chronology;

/// <summary>
/// A short digest of how a sender described a person, insensitive to case and spacing. Two events from one agency
/// with the same key describe the person identically, so one match decision serves both.
/// </summary>
public static class SubjectKeys
{
    public static string For(EventSubject s)
    {
        static string N(string? x) => x is null ? "" : string.Concat(x.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        var text = string.Join('|', N(s.GivenName), N(s.FamilyName), s.DateOfBirth?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            N(s.Sex), N(s.Postcode), N(s.NhsNumber), N(s.Upn), s.Reference?.Trim() ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}
