using System.Collections.Concurrent;

namespace ChildStory.Features.Identity;

/// <summary>
/// Groups records that describe the same person. Candidate pairs come from several blocking keys (a pair needs to
/// share only one, so a typo in one field does not hide it); each pair is scored by <see cref="PairScore"/>; pairs at
/// or above the threshold are joined into clusters (union–find), and clusters that union–find chained together
/// through records that contradict each other are split again (see <see cref="ClusterCheck"/>).
/// </summary>
/// <remarks>
/// Built for a million records on a small machine: every record is prepared once (<see cref="PreparedPerson"/>),
/// blocking keys are packed integers sorted per key kind rather than strings in a dictionary, a pair sharing several
/// keys is scored only in the first key kind it shares (no set of seen pairs), and blocks are scored in parallel
/// with each thread keeping its own links until they are joined on one thread.
/// </remarks>
public static class Linker
{
    public const double DefaultThreshold = 9;

    /// <summary>At or above this score an intake record is linked without a person looking (see README).</summary>
    public const double UpperThreshold = 20;

    /// <summary>Below this score the records are different people; between the two, a person decides (see README).</summary>
    public const double LowerThreshold = 5;

    /// <summary>Blocks larger than this say too little to be worth comparing every pair (a very common name).</summary>
    private const int MaxBlock = 400;

    public sealed record Result(IReadOnlyDictionary<string, int> ClusterOf, int CandidatePairs, int LinkedPairs);

    public static Result Link(IReadOnlyList<PersonRecord> records, double threshold = DefaultThreshold)
    {
        var people = Prepare(records);
        threshold += SizePrior(records.Count);
        var keys = BlockingKeys.For(people);
        var usable = new uint[people.Length];
        var links = new List<Link>();
        long candidates = 0;
        for (var kind = 0; kind < keys.Length; kind++)
        {
            candidates += ScoreBlocks(people, keys, usable, kind, threshold, links);
        }
        var parent = ClusterCheck.Clusters(people, links, threshold);
        var clusters = new Dictionary<string, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            clusters[records[i].Id] = parent[i];
        }
        return new Result(clusters, (int)Math.Min(int.MaxValue, candidates), links.Count);
    }

    /// <summary>Records at which <see cref="SizePrior"/> starts to raise the bar (the size FEBRL was tuned on).</summary>
    public const int PriorReferenceSize = 10_000;

    /// <summary>
    /// Extra evidence demanded of a pair as the set grows: the prior odds that two records describe one person fall
    /// in proportion to the number of records, so every doubling beyond <see cref="PriorReferenceSize"/> adds one
    /// bit (log2) to the threshold. Without it, a million children born over a few years share first name, family
    /// name and a near birthday often enough to chain strangers together.
    /// </summary>
    public static double SizePrior(int records) => Math.Max(0, Math.Log2((double)records / PriorReferenceSize));

    /// <summary>Interns names and works out per-record weights once, so comparisons do no lookups by string.</summary>
    private static PreparedPerson[] Prepare(IReadOnlyList<PersonRecord> records)
    {
        var table = new NameTable();
        var given = new int[records.Count];
        var family = new int[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            given[i] = table.Name(records[i].Given);
            family[i] = table.Name(records[i].Family);
        }
        // Counted separately for given and family names, as PairScore.Frequencies does.
        var givenCount = new int[table.NameCount];
        var familyCount = new int[table.NameCount];
        for (var i = 0; i < records.Count; i++)
        {
            if (given[i] >= 0) { givenCount[given[i]]++; }
            if (family[i] >= 0) { familyCount[family[i]]++; }
        }
        var total = Math.Max(1, records.Count);
        var people = new PreparedPerson[records.Count];
        Parallel.For(0, records.Count, i =>
        {
            var gw = given[i] >= 0 ? PairScore.NameWeight(givenCount[given[i]], total, PairScore.TypicalGivenWeight) : PairScore.TypicalGivenWeight;
            var fw = family[i] >= 0 ? PairScore.NameWeight(familyCount[family[i]], total, PairScore.TypicalFamilyWeight) : PairScore.TypicalFamilyWeight;
            people[i] = table.Build(records[i], given[i], family[i], gw, fw);
        });
        return people;
    }

    /// <summary>
    /// Scores every pair inside each usable block of one key kind, skipping pairs that already met in an earlier kind.
    /// Returns the number of pairs scored; adds pairs at or above the threshold to <paramref name="links"/>.
    /// </summary>
    private static long ScoreBlocks(PreparedPerson[] people, long[][] keys, uint[] usable, int kind, double threshold, List<Link> links)
    {
        var n = people.Length;
        var sorted = (long[])keys[kind].Clone();
        var order = new int[n];
        for (var i = 0; i < n; i++) { order[i] = i; }
        Array.Sort(sorted, order);
        var blocks = new List<(int Start, int End)>();
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && sorted[end] == sorted[start]) { end++; }
            if (sorted[start] != BlockingKeys.Missing && end - start >= 2 && end - start <= MaxBlock)
            {
                blocks.Add((start, end));
                for (var i = start; i < end; i++) { usable[order[i]] |= 1u << kind; }
            }
            start = end;
        }
        if (blocks.Count == 0) { return 0; }
        var found = new ConcurrentBag<List<Link>>();
        long scored = 0;
        Parallel.ForEach(Partitioner.Create(0, blocks.Count, Math.Max(1, blocks.Count / 256 + 1)),
            () => (Links: new List<Link>(), Scored: 0L),
            (range, _, local) =>
            {
                for (var b = range.Item1; b < range.Item2; b++)
                {
                    local.Scored += ScoreBlock(people, keys, usable, kind, threshold, order, blocks[b], local.Links);
                }
                return local;
            },
            local =>
            {
                found.Add(local.Links);
                Interlocked.Add(ref scored, local.Scored);
            });
        foreach (var list in found) { links.AddRange(list); }
        return scored;
    }

    private static long ScoreBlock(PreparedPerson[] people, long[][] keys, uint[] usable, int kind, double threshold, int[] order, (int Start, int End) block, List<Link> links)
    {
        long scored = 0;
        for (var x = block.Start; x < block.End; x++)
        {
            var a = order[x];
            for (var y = x + 1; y < block.End; y++)
            {
                var b = order[y];
                if (MetEarlier(keys, usable, kind, a, b)) { continue; }
                scored++;
                var score = PairScore.Of(people[a], people[b]);
                if (score >= threshold) { links.Add(new Link(Math.Min(a, b), Math.Max(a, b), (float)score)); }
            }
        }
        return scored;
    }

    /// <summary>True when the pair shares a usable block of an earlier key kind, where it was already scored.</summary>
    private static bool MetEarlier(long[][] keys, uint[] usable, int kind, int a, int b)
    {
        var both = usable[a] & usable[b] & ((1u << kind) - 1);
        for (var k = 0; both != 0; k++, both >>= 1)
        {
            if ((both & 1) != 0 && keys[k][a] == keys[k][b]) { return true; }
        }
        return false;
    }
}

/// <summary>Two records scored at or above the threshold (a &lt; b).</summary>
internal readonly record struct Link(int A, int B, float Score);
