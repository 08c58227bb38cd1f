namespace ChildStory.Features.Children.Matching;

/// <summary>
/// A sound-alike key for British names, in the family of Soundex but keeping the first sound rather than the first
/// letter, so that Caitlin/Kaitlyn, Philippa/Filipa, Steven/Stephen and Smith/Smyth share a key.
/// Used to find candidates in the database; ranking is done afterwards by <see cref="NameSimilarity"/>.
/// </summary>
public static class PhoneticKey
{
    private const int MaxLength = 6;

    public static string For(string normalised)
    {
        if (normalised.Length == 0)
        {
            return "";
        }
        var s = Rewrite(normalised);
        var key = new System.Text.StringBuilder(MaxLength);
        key.Append(FirstSound(s[0]));
        var previous = Code(s[0]);
        for (var i = 1; i < s.Length && key.Length < MaxLength; i++)
        {
            var code = Code(s[i]);
            if (code == '0')
            {
                // Vowels separate repeated consonants (as in Soundex); h, w and y do not.
                if (s[i] is not ('h' or 'w' or 'y'))
                {
                    previous = '0';
                }
                continue;
            }
            if (code != previous)
            {
                key.Append(code);
            }
            previous = code;
        }
        return key.ToString();
    }

    private static string Rewrite(string s)
    {
        if (s.StartsWith("kn", StringComparison.Ordinal) || s.StartsWith("wr", StringComparison.Ordinal)
            || s.StartsWith("gn", StringComparison.Ordinal) || s.StartsWith("ps", StringComparison.Ordinal))
        {
            s = s[1..];
        }
        return s.Replace("ph", "f", StringComparison.Ordinal)
            .Replace("ck", "k", StringComparison.Ordinal)
            .Replace("sch", "sk", StringComparison.Ordinal)
            .Replace("tch", "ch", StringComparison.Ordinal)
            .Replace("dg", "j", StringComparison.Ordinal)
            .Replace("gh", "g", StringComparison.Ordinal);
    }

    private static char FirstSound(char c) => c switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' or 'y' => 'A',
        'c' or 'k' or 'q' => 'K',
        'j' or 'g' => 'J',
        'z' or 's' => 'S',
        'v' or 'f' => 'F',
        _ => char.ToUpperInvariant(c),
    };

    private static char Code(char c) => c switch
    {
        'b' or 'f' or 'p' or 'v' => '1',
        'c' or 'g' or 'j' or 'k' or 'q' or 's' or 'x' or 'z' => '2',
        'd' or 't' => '3',
        'l' => '4',
        'm' or 'n' => '5',
        'r' => '6',
        _ => '0',
    };
}
