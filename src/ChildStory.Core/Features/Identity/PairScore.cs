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
    /// <summary>Weight of agreeing on a given name of typical frequency.</summary>
    public const double TypicalGivenWeight = 7.5;

    /// <summary>Weight of agreeing on a family name of typical frequency.</summary>
    public const double TypicalFamilyWeight = 9;

    /// <summary>How common each name is among the records being linked; a shared rare name is stronger evidence.</summary>
    public sealed class Frequencies(IReadOnlyList<PersonRecord> records)
    {
        private readonly Dictionary<string, int> _family = records.GroupBy(r => r.Family).ToDictionary(g => g.Key, g => g.Count());
        private readonly Dictionary<string, int> _given = records.GroupBy(r => r.Given).ToDictionary(g => g.Key, g => g.Count());
        private readonly double _total = Math.Max(1, records.Count);

        public double FamilyWeight(string name, double typical) => Weight(_family, name, typical);

        public double GivenWeight(string name, double typical) => Weight(_given, name, typical);

        private double Weight(Dictionary<string, int> counts, string name, double typical) =>
            counts.TryGetValue(name, out var n) ? NameWeight(n, _total, typical) : typical;
    }

    /// <summary>log2(1/u) with u the name's share, bounded so that one name never decides alone.</summary>
    internal static double NameWeight(int count, double total, double typical) =>
        Math.Clamp(Math.Log2(total / count) - 2, typical - 4, typical + 3);

    public static double Of(PersonRecord a, PersonRecord b) => Of(a, b, null);

    public static double Of(PersonRecord a, PersonRecord b, Frequencies? frequencies)
    {
        // One table for both so that their interned ids are comparable.
        var table = new NameTable();
        return Of(Prepare(table, a, frequencies), Prepare(table, b, frequencies));
    }

    private static PreparedPerson Prepare(NameTable table, PersonRecord r, Frequencies? f) =>
        table.Prepare(r, f?.GivenWeight(r.Given, TypicalGivenWeight) ?? TypicalGivenWeight, f?.FamilyWeight(r.Family, TypicalFamilyWeight) ?? TypicalFamilyWeight);

    /// <summary>
    /// Taken off when the given names clearly differ while family name and date of birth agree: chance pairs like
    /// that are mostly twins (or siblings registered on one day), not one child, so the fields are not independent
    /// and their separate weights would otherwise add up to a confident, wrong link. It applies only when at least
    /// one record states the child's sex: agencies that record children do, and then a given name that clearly
    /// differs is a different child. Sources without sex (FEBRL) substitute whole given names as a data-entry error
    /// in about one duplicate pair in fourteen; there the pattern is no evidence of twins.
    /// </summary>
    public const double TwinPenalty = 18;

    /// <summary>The allocation-free comparison the linker runs tens of millions of times.</summary>
    internal static double Of(PreparedPerson a, PreparedPerson b)
    {
        var names = Names(a, b, out var givenDiffers, out var familyAgrees);
        var dob = DateOfBirth(a.Dob, b.Dob);
        var twins = LikeTwins(a, b, givenDiffers, familyAgrees, dob) ? TwinPenalty : 0;
        if (a.Nhs is not null && b.Nhs is not null)
        {
            // A valid NHS number is near-certain either way; it still leaves the rest to confirm a typo'd one.
            return a.Nhs == b.Nhs ? 30 : -12 + names + dob - twins;
        }
        var score = names + dob + Postcode(a.Postcode, b.Postcode) - twins;
        if (a.Upn is not null && b.Upn is not null)
        {
            score += a.Upn == b.Upn ? 15 : -6;
        }
        if (a.Sex != '\0' && b.Sex != '\0')
        {
            score += a.Sex == b.Sex ? 0.8 : -4;
        }
        return score;
    }

    /// <summary>True when the two records look like twins: same family name and birthday, clearly different given names.</summary>
    internal static bool LikeTwins(PreparedPerson a, PreparedPerson b)
    {
        Names(a, b, out var givenDiffers, out var familyAgrees);
        return LikeTwins(a, b, givenDiffers, familyAgrees, DateOfBirth(a.Dob, b.Dob));
    }

    /// <summary>
    /// Family name and birthday agree (a 1 January placeholder or a slip still counts), and either the given names clearly differ (with sex recorded on at least one
    /// side) or one given name is missing and the recorded sexes differ: a brother and sister born together.
    /// </summary>
    private static bool LikeTwins(PreparedPerson a, PreparedPerson b, bool givenDiffers, bool familyAgrees, double dob)
    {
        if (!familyAgrees || dob <= 0) { return false; }
        var sexDiffers = a.Sex != '\0' && b.Sex != '\0' && a.Sex != b.Sex;
        var givenMissing = a.GivenId == PreparedPerson.None || b.GivenId == PreparedPerson.None;
        return (givenDiffers && (a.Sex != '\0' || b.Sex != '\0')) || (givenMissing && sexDiffers);
    }

    private const double NamesDisagree = -4.5;
    private const double SwappedDayMonth = 6;

    private static double Names(PreparedPerson a, PreparedPerson b, out bool givenDiffers, out bool familyAgrees)
    {
        var given = Name(a.Given, a.GivenId, a.GivenSound, b.Given, b.GivenId, b.GivenSound, Math.Max(a.GivenWeight, b.GivenWeight));
        var family = Name(a.Family, a.FamilyId, a.FamilySound, b.Family, b.FamilyId, b.FamilySound, Math.Max(a.FamilyWeight, b.FamilyWeight));
        var straight = given + family;
        givenDiffers = given == NamesDisagree;
        familyAgrees = family > 0;
        if (straight >= TypicalGivenWeight + TypicalFamilyWeight - 1) { return straight; }
        // People's names get entered the wrong way round.
        var swapped = Name(a.Given, a.GivenId, a.GivenSound, b.Family, b.FamilyId, b.FamilySound, TypicalGivenWeight)
            + Name(a.Family, a.FamilyId, a.FamilySound, b.Given, b.GivenId, b.GivenSound, TypicalFamilyWeight) - 1;
        if (swapped <= straight) { return straight; }
        givenDiffers = false;
        return swapped;
    }

    private static double Name(string x, int xId, int xSound, string y, int yId, int ySound, double exact)
    {
        if (xId == PreparedPerson.None || yId == PreparedPerson.None) { return 0; }
        if (xId == yId) { return exact; }
        if (Nicknames.Same(x, y)) { return exact - 2; }
        var similarity = NameSimilarity.JaroWinkler(x, y);
        return similarity >= 0.94 ? exact - 3 : similarity >= 0.88 ? exact - 5.5 : xSound == ySound ? 1.5 : NamesDisagree;
    }

    private static double DateOfBirth(int a, int b)
    {
        if (a == 0 || b == 0) { return 0; }
        if (a == b) { return 10.5; }
        var (ay, am, ad) = (a / 10_000, a / 100 % 100, a % 100);
        var (by, bm, bd) = (b / 10_000, b / 100 % 100, b % 100);
        if (ay == by && am == bd && ad == bm) { return SwappedDayMonth; }
        if (ay == by && ((am == 1 && ad == 1) || (bm == 1 && bd == 1))) { return 2; }
        return DigitSlip(a, b);
    }

    /// <summary>One mistyped digit of yyyymmdd, or two neighbouring digits typed the wrong way round.</summary>
    private static double DigitSlip(int a, int b)
    {
        int differing = 0, first = -1;
        var (x, y) = (a, b);
        for (var i = 0; i < 8; i++, x /= 10, y /= 10)
        {
            if (x % 10 != y % 10)
            {
                differing++;
                if (differing == 1) { first = i; }
                else if (i != first + 1) { return -5; }
            }
        }
        if (differing == 1) { return 5; }
        if (differing != 2) { return -5; }
        int Digit(int value, int position) => value / Pow10[position] % 10;
        return Digit(a, first) == Digit(b, first + 1) && Digit(a, first + 1) == Digit(b, first) ? 4 : -5;
    }

    private static readonly int[] Pow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    private static double Postcode(string? x, string? y)
    {
        if (x is null || y is null) { return 0; }
        if (x == y) { return 5.5; }
        if (x.Length != y.Length) { return -3; }
        int differing = 0, first = -1;
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] == y[i]) { continue; }
            if (++differing == 1) { first = i; }
        }
        if (differing == 1) { return 2; }
        // Two neighbouring characters typed the wrong way round (2450 for 2405) is the same slip as one wrong one.
        var swapped = differing == 2 && first + 1 < x.Length && x[first] == y[first + 1] && x[first + 1] == y[first];
        return swapped ? 2 : -3;
    }
}
