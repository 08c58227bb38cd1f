namespace ChildStory.Features.Identity;

/// <summary>
/// Joins linked pairs into clusters, strongest link first, refusing a join that would put two contradicting records
/// in one cluster. Plain union–find is transitive: A–B and B–C put A with C even when A and C contradict each other
/// (two different dates of birth bridged by a record with none, twins bridged by a record without a given name), and
/// in a million records such chains grow into clusters of thousands of children who share a common name.
/// A join also needs the clusters to belong together as wholes, not just through one pair: a link that is neither
/// record's best is taken only when the two clusters' records score at least the threshold on average.
/// </summary>
internal static class ClusterCheck
{
    /// <summary>Two records scoring below this are treated as certainly different people.</summary>
    public const double Contradiction = -5;

    /// <summary>Joins whose cross-check would compare more pairs than this are made unchecked (very large clusters).</summary>
    private const int MaxCrossPairs = 4_096;

    /// <summary>
    /// Returns, for every record, its cluster id: the lowest index of a record in its cluster. <paramref name="threshold"/>
    /// is the score the links were made at.
    /// </summary>
    public static int[] Clusters(PreparedPerson[] people, List<Link> links, double threshold)
    {
        var n = people.Length;
        var parent = new int[n];
        for (var i = 0; i < n; i++) { parent[i] = i; }
        var members = new List<int>?[n];
        var best = BestScores(n, links);
        links.Sort((x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        foreach (var link in links)
        {
            var (ra, rb) = (Find(parent, link.A), Find(parent, link.B));
            if (ra == rb) { continue; }
            var (ma, mb) = (members[ra] ??= [ra], members[rb] ??= [rb]);
            var bestOfEither = link.Score >= best[link.A] || link.Score >= best[link.B];
            if ((long)ma.Count * mb.Count <= MaxCrossPairs && Refuse(people, ma, mb, bestOfEither ? double.NegativeInfinity : threshold)) { continue; }
            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            parent[gone] = keep;
            members[keep]!.AddRange(members[gone]!);
            members[gone] = null;
        }
        for (var i = 0; i < n; i++) { parent[i] = Find(parent, i); }
        return parent;
    }

    /// <summary>
    /// Each record's strongest link. A record's best link is usually to another record of the same person. A link
    /// that is the best of neither of its records is the kind that chains two people: a record with no date of birth
    /// scores just over the threshold on the name alone against a namesake whose own duplicate scores far higher.
    /// </summary>
    private static float[] BestScores(int n, List<Link> links)
    {
        var best = new float[n];
        Array.Fill(best, float.NegativeInfinity);
        foreach (var link in links)
        {
            best[link.A] = Math.Max(best[link.A], link.Score);
            best[link.B] = Math.Max(best[link.B], link.Score);
        }
        return best;
    }

    /// <summary>
    /// True when some record of one cluster contradicts some record of the other, or when the records of the two
    /// score below <paramref name="average"/> on average. Averaging (rather than needing every pair to link) keeps a
    /// cluster whose duplicates each carry a different slip: they link to the original but not always to each other.
    /// </summary>
    private static bool Refuse(PreparedPerson[] people, List<int> a, List<int> b, double average)
    {
        double sum = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var (p, q) = (people[x], people[y]);
                var score = PairScore.Of(p, q);
                if (score < Contradiction || PairScore.LikeTwins(p, q)) { return true; }
                sum += score;
            }
        }
        return sum < average * a.Count * b.Count;
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
