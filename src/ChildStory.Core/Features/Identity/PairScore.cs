using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Identity;

/// <summary>
/// Fellegi–Sunter evidence for "these two records are the same person": each field adds log2(m/u) when it agrees
/// (m: how often true matches agree, u: how often chance pairs do) and subtracts when it disagrees. Partial agreement
/// — a typo, a day/month swap, a 1 January placeholder, a swapped first and last name — earns partial weight.
/// A missing field is no evidence either way.
/// </summary>
public static class PairScore
{
    /// <summary>How common each name is among the records being linked; a shared rare name is stronger evidence.</summary>
    public sealed class Frequencies(IReadOnlyList<PersonRecord> records)
    {
        private readonly Dictionary<string, int> _family = records.GroupBy(r => r.Family).ToDictionary(g => g.Key, g => g.Count());
        private readonly Dictionary<string, int> _given = records.GroupBy(r => r.Given).ToDictionary(g => g.Key, g => g.Count());
        private readonly double _total = Math.Max(1, records.Count);

        public double FamilyWeight(string name, double typical) => Weight(_family, name, typical);

        public double GivenWeight(string name, double typical) => Weight(_given, name, typical);

        // log2(1/u) with u the name's share, bounded so that one name never decides alone.
        private double Weight(Dictionary<string, int> counts, string name, double typical) =>
            counts.TryGetValue(name, out var n) ? Math.Clamp(Math.Log2(_total / n) - 2, typical - 4, typical + 3) : typical;
    }

    public static double Of(PersonRecord a, PersonRecord b) => Of(a, b, null);

    public static double Of(PersonRecord a, PersonRecord b, Frequencies? frequencies)
    {
        if (a.NhsNumber is not null && b.NhsNumber is not null)
        {
            // A valid NHS number is near-certain either way; it still leaves the rest to confirm a typo'd one.
            return a.NhsNumber == b.NhsNumber ? 30 : -12 + Names(a, b, frequencies) + DateOfBirth(a.DateOfBirth, b.DateOfBirth);
        }
        var score = Names(a, b, frequencies) + DateOfBirth(a.DateOfBirth, b.DateOfBirth) + Postcode(a.Postcode, b.Postcode);
        if (a.Upn is not null && b.Upn is not null)
        {
            score += a.Upn == b.Upn ? 15 : -6;
        }
        if (a.Sex is not null && b.Sex is not null)
        {
            score += a.Sex == b.Sex ? 0.8 : -4;
        }
        return score;
    }

    private static double Names(PersonRecord a, PersonRecord b, Frequencies? f)
    {
        var given = f?.GivenWeight(a.Given, 7.5) ?? 7.5;
        var family = f?.FamilyWeight(a.Family, 9) ?? 9;
        var straight = Name(a.Given, b.Given, given) + Name(a.Family, b.Family, family);
        // People's names get entered the wrong way round.
        var swapped = Name(a.Given, b.Family, 7.5) + Name(a.Family, b.Given, 9) - 1;
        return Math.Max(straight, swapped);
    }

    private static double Name(string x, string y, double exact)
    {
        if (x.Length == 0 || y.Length == 0) { return 0; }
        if (x == y) { return exact; }
        if (Nicknames.Same(x, y)) { return exact - 2; }
        var similarity = NameSimilarity.JaroWinkler(x, y);
        return similarity >= 0.94 ? exact - 3 : similarity >= 0.88 ? exact - 5.5 : PhoneticKey.For(x) == PhoneticKey.For(y) ? 1.5 : -4.5;
    }

    private static double DateOfBirth(DateOnly? x, DateOnly? y)
    {
        if (x is not { } a || y is not { } b) { return 0; }
        if (a == b) { return 10.5; }
        if (a.Year == b.Year && a.Month == b.Day && a.Day == b.Month) { return 6; }
        if (a.Year == b.Year && ((a.Month == 1 && a.Day == 1) || (b.Month == 1 && b.Day == 1))) { return 2; }
        var da = a.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var db = b.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var differing = da.Zip(db).Count(p => p.First != p.Second);
        return differing == 1 ? 5 : differing == 2 && Transposed(da, db) ? 4 : -5;
    }

    private static bool Transposed(string a, string b)
    {
        for (var i = 0; i < a.Length - 1; i++)
        {
            if (a[i] != b[i]) { return a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]; }
        }
        return false;
    }

    private static double Postcode(string? x, string? y)
    {
        if (x is null || y is null) { return 0; }
        if (x == y) { return 5.5; }
        var differing = x.Length == y.Length ? x.Zip(y).Count(p => p.First != p.Second) : 99;
        return differing == 1 ? 2 : -3;
    }
}
