namespace ChildStory.Features.Identity;

/// <summary>
/// Joins linked pairs into clusters, strongest link first, refusing a join that would put two contradicting records
/// in one cluster. Plain union–find is transitive: A–B and B–C put A with C even when A and C contradict each other
/// (two different dates of birth bridged by a record with none, twins bridged by a record without a given name), and
/// in a million records such chains grow into clusters of thousands of children who share a common name.
/// </summary>
internal static class ClusterCheck
{
    /// <summary>Two records scoring below this are treated as certainly different people.</summary>
    public const double Contradiction = -5;

    /// <summary>Joins whose cross-check would compare more pairs than this are made unchecked (very large clusters).</summary>
    private const int MaxCrossPairs = 4_096;

    /// <summary>Returns, for every record, its cluster id: the lowest index of a record in its cluster.</summary>
    public static int[] Clusters(PreparedPerson[] people, List<Link> links)
    {
        var n = people.Length;
        var parent = new int[n];
        for (var i = 0; i < n; i++) { parent[i] = i; }
        var members = new List<int>?[n];
        links.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        foreach (var link in links)
        {
            var (ra, rb) = (Find(parent, link.A), Find(parent, link.B));
            if (ra == rb) { continue; }
            var (ma, mb) = (members[ra] ??= [ra], members[rb] ??= [rb]);
            if ((long)ma.Count * mb.Count <= MaxCrossPairs && Contradict(people, ma, mb)) { continue; }
            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            parent[gone] = keep;
            members[keep]!.AddRange(members[gone]!);
            members[gone] = null;
        }
        for (var i = 0; i < n; i++) { parent[i] = Find(parent, i); }
        return parent;
    }

    /// <summary>True when some record of one cluster contradicts some record of the other.</summary>
    private static bool Contradict(PreparedPerson[] people, List<int> a, List<int> b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var (p, q) = (people[x], people[y]);
                if (PairScore.Of(p, q) < Contradiction || PairScore.LikeTwins(p, q)) { return true; }
            }
        }
        return false;
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
}
