namespace ChildStory.Identifiers;

/// <summary>
/// Unique Pupil Numbers (DfE): 13 characters, the first a check letter computed from characters 2–13 weighted
/// 2 to 13, the sum taken modulo 23 into ABCDEFGHJKLMNPQRTUVWXYZ. Characters 2–12 are digits; the 13th is a digit,
/// or a letter from the same alphabet in a temporary UPN.
/// </summary>
public static class UniquePupilNumber
{
    public const string Alphabet = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public static ParsedIdentifier Parse(string? input)
    {
        var upn = (input ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (upn.Length == 0)
        {
            return ParsedIdentifier.Invalid("Enter a UPN");
        }
        if (upn.Length != 13)
        {
            return ParsedIdentifier.Invalid($"UPN must be 13 characters (you entered {upn.Length})");
        }
        if (Alphabet.IndexOf(upn[0]) < 0)
        {
            return ParsedIdentifier.Invalid("UPN must start with a check letter (A to Z, without I, O and S)");
        }
        for (var i = 1; i < 12; i++)
        {
            if (!char.IsAsciiDigit(upn[i]))
            {
                return ParsedIdentifier.Invalid($"UPN character {i + 1} must be a number");
            }
        }
        if (!char.IsAsciiDigit(upn[12]) && Alphabet.IndexOf(upn[12]) < 0)
        {
            return ParsedIdentifier.Invalid("UPN character 13 must be a number or a letter other than I, O or S");
        }
        if (CheckLetter(upn.AsSpan(1)) != upn[0])
        {
            return ParsedIdentifier.Invalid("UPN is not valid: its check letter does not match. Check it for a mistyped character");
        }
        return ParsedIdentifier.Valid(upn);
    }

    /// <summary>The check letter for characters 2–13 of a UPN.</summary>
    public static char CheckLetter(ReadOnlySpan<char> twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            var c = twelve[i];
            var value = char.IsAsciiDigit(c) ? c - '0' : Alphabet.IndexOf(c);
            sum += value * (i + 2);
        }
        return Alphabet[sum % 23];
    }
}
