namespace ChildStory.Identifiers;

/// <summary>The outcome of reading an identifier: the canonical value, or what is wrong with it in words a person can act on.</summary>
public readonly record struct ParsedIdentifier(bool IsValid, string Value, string Problem)
{
    public static ParsedIdentifier Valid(string value) => new(true, value, "");

    public static ParsedIdentifier Invalid(string problem) => new(false, "", problem);
}

/// <summary>
/// NHS numbers: ten digits, the last a modulus 11 check digit (weights 10 down to 2 on the first nine;
/// check = 11 − (sum mod 11), 11 becomes 0 and 10 means the number is not valid). Spaces and hyphens are ignored.
/// </summary>
public static class NhsNumber
{
    public static ParsedIdentifier Parse(string? input)
    {
        var digits = new string((input ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (digits.Length == 0)
        {
            return ParsedIdentifier.Invalid("Enter an NHS number");
        }
        if (!digits.All(char.IsAsciiDigit))
        {
            return ParsedIdentifier.Invalid("NHS number must contain only numbers");
        }
        if (digits.Length != 10)
        {
            return ParsedIdentifier.Invalid($"NHS number must be 10 digits (you entered {digits.Length})");
        }
        var expected = CheckDigit(digits.AsSpan(0, 9));
        if (expected is null || expected != digits[9] - '0')
        {
            return ParsedIdentifier.Invalid("NHS number is not valid: its check digit does not match. Check it for a mistyped digit");
        }
        return ParsedIdentifier.Valid(digits);
    }

    /// <summary>The check digit for nine digits, or null when no check digit can make them valid.</summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (nineDigits[i] - '0') * (10 - i);
        }
        var check = 11 - sum % 11;
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>Formats as the NHS writes it: 3-3-4 with spaces.</summary>
    public static string Format(string value) => value.Length == 10 ? $"{value[..3]} {value[3..6]} {value[6..]}" : value;
}
