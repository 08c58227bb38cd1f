namespace ChildStory.Features.Identity;

/// <summary>
/// The blocking keys of every record, one array per key kind, packed into <see cref="long"/>s from interned ids so
/// that blocks are found by sorting numbers. A pair needs to share only one key to be compared, so a typo in one
/// field does not hide it: NHS number, UPN, the sound of both names (in either order), postcode with the sound of
/// either name, year of birth with the family name's sound, day and month of birth with the given name's sound, the
/// full date of birth, and postcode with both initials. Cheap, selective kinds come first, so most pairs are met —
/// and scored — early.
/// </summary>
internal static class BlockingKeys
{
    /// <summary>The key of a record that lacks the fields a kind needs: never forms a block.</summary>
    public const long Missing = long.MinValue;

    public static long[][] For(PreparedPerson[] people)
    {
        var n = people.Length;
        var nhs = Intern(people, p => p.Nhs);
        var upn = Intern(people, p => p.Upn);
        var postcode = Intern(people, p => p.Postcode);
        var keys = new long[KindCount][];
        for (var k = 0; k < keys.Length; k++) { keys[k] = new long[n]; }
        Parallel.For(0, n, i =>
        {
            var p = people[i];
            var (g, f) = (p.GivenSound, p.FamilySound);
            var hasNames = g >= 0 && f >= 0;
            var dob = p.Dob;
            keys[0][i] = nhs[i] >= 0 ? nhs[i] : Missing;
            keys[1][i] = upn[i] >= 0 ? upn[i] : Missing;
            // Unordered, so a record with its names swapped shares the key.
            keys[2][i] = hasNames ? Pack(Math.Min(g, f), Math.Max(g, f)) : Missing;
            keys[3][i] = postcode[i] >= 0 && f >= 0 ? Pack(postcode[i], f) : Missing;
            keys[4][i] = postcode[i] >= 0 && g >= 0 ? Pack(postcode[i], g) : Missing;
            keys[5][i] = dob != 0 && f >= 0 ? Pack(dob / 10_000, f) : Missing;
            keys[6][i] = dob != 0 && g >= 0 ? Pack(dob % 10_000, g) : Missing;
            keys[7][i] = dob != 0 && p.Sex != '\0' ? Pack(dob, p.Sex) : dob != 0 ? dob : Missing;
            // Both names mistyped (kynan dooley, kynzn doolqey): the postcode and the initials, in either order.
            keys[8][i] = postcode[i] >= 0 && (g >= 0 || f >= 0) ? Pack(postcode[i], Initials(p.Given, p.Family)) : Missing;
        });
        return keys;
    }

    private const int KindCount = 9;

    /// <summary>The first letters of both names, smaller first, so that swapped names share them.</summary>
    private static int Initials(string given, string family)
    {
        int x = given.Length > 0 ? given[0] : 0, y = family.Length > 0 ? family[0] : 0;
        return (Math.Min(x, y) << 16) | Math.Max(x, y);
    }

    private static long Pack(int high, int low) => ((long)high << 32) | (uint)low;

    private static int[] Intern(PreparedPerson[] people, Func<PreparedPerson, string?> field)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[people.Length];
        for (var i = 0; i < people.Length; i++)
        {
            if (field(people[i]) is not { } value) { result[i] = PreparedPerson.None; continue; }
            if (!ids.TryGetValue(value, out var id)) { ids[value] = id = ids.Count; }
            result[i] = id;
        }
        return result;
    }
}
