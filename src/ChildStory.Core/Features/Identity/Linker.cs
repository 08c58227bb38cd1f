using ChildStory.Features.Children.Matching;

namespace ChildStory.Features.Identity;

/// <summary>
/// Groups records that describe the same person. Candidate pairs come from several blocking keys (a pair needs to
/// share only one, so a typo in one field does not hide it); each pair is scored by <see cref="PairScore"/>; pairs at
/// or above the threshold are joined into clusters (union–find). Blocks too large to be informative are skipped.
/// </summary>
public static class Linker
{
    public const double DefaultThreshold = 9;
    private const int MaxBlock = 400;

    public sealed record Result(IReadOnlyDictionary<string, int> ClusterOf, int CandidatePairs, int LinkedPairs);

    public static Result Link(IReadOnlyList<PersonRecord> records, double threshold = DefaultThreshold)
    {
        var blocks = new Dictionary<string, List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var key in BlockingKeys(records[i]))
            {
                if (!blocks.TryGetValue(key, out var members)) { blocks[key] = members = []; }
                members.Add(i);
            }
        }
        var frequencies = new PairScore.Frequencies(records);
        var parent = Enumerable.Range(0, records.Count).ToArray();
        var seen = new HashSet<long>();
        int candidates = 0, linked = 0;
        foreach (var members in blocks.Values)
        {
            if (members.Count < 2 || members.Count > MaxBlock) { continue; }
            for (var x = 0; x < members.Count; x++)
            {
                for (var y = x + 1; y < members.Count; y++)
                {
                    var (a, b) = (members[x], members[y]);
                    if (!seen.Add(((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b))) { continue; }
                    candidates++;
                    if (PairScore.Of(records[a], records[b], frequencies) >= threshold)
                    {
                        linked++;
                        Union(parent, a, b);
                    }
                }
            }
        }
        var clusters = new Dictionary<string, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            clusters[records[i].Id] = Find(parent, i);
        }
        return new Result(clusters, candidates, linked);
    }

    private static IEnumerable<string> BlockingKeys(PersonRecord r)
    {
        if (r.NhsNumber is not null) { yield return "n" + r.NhsNumber; }
        if (r.Upn is not null) { yield return "u" + r.Upn; }
        var dob = r.DateOfBirth?.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var family = PhoneticKey.For(r.Family);
        var given = PhoneticKey.For(r.Given);
        if (family.Length > 0 && given.Length > 0) { yield return $"fg{family}|{given}"; yield return $"fg{given}|{family}"; }
        if (dob is not null)
        {
            yield return "d" + dob;
            if (family.Length > 0) { yield return $"dy{r.DateOfBirth!.Value.Year}|{family}"; }
            if (given.Length > 0) { yield return $"dg{dob[4..]}|{given}"; }
        }
        if (r.Postcode is not null)
        {
            if (family.Length > 0) { yield return $"pf{r.Postcode}|{family}"; }
            if (given.Length > 0) { yield return $"pg{r.Postcode}|{given}"; }
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb) { parent[Math.Max(ra, rb)] = Math.Min(ra, rb); }
    }
}
