using System.Globalization;
using System.Text;

namespace ChildStory.Features.Children.Matching;

/// <summary>
/// Reduces a name to lower-case unaccented letters, so "Zoë O'Brien-Smith" and "zoe obriensmith" compare equal.
/// Letters that do not decompose (ø, ł, ß, æ) are mapped by hand.
/// </summary>
public static class NameNormaliser
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var lower = char.ToLowerInvariant(c);
            switch (lower)
            {
                case >= 'a' and <= 'z':
                    builder.Append(lower);
                    break;
                case 'ø': builder.Append('o'); break;
                case 'ł': builder.Append('l'); break;
                case 'đ': builder.Append('d'); break;
                case 'ß': builder.Append("ss"); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Splits free text into normalised name tokens ("O'Neil,  Aoife" → ["oneil", "aoife"]).</summary>
    public static IReadOnlyList<string> Tokens(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Normalise)
                .Where(t => t.Length > 0)
                .ToList();
}
