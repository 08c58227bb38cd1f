using BenchmarkDotNet.Attributes;
using ChildStory.Features.Children;
using ChildStory.Features.Children.Matching;

namespace ChildStory.Benchmarks;

/// <summary>The in-memory part of name search: normalising, keying and scoring one candidate name.</summary>
[MemoryDiagnoser]
public class NameMatchingBenchmarks
{
    private static readonly IReadOnlyList<string> Query = NameNormaliser.Tokens("Kaitlyn O'Brien");

    [Benchmark]
    public string Normalise() => NameNormaliser.Normalise("Siobhán Ó Súilleabháin-Łukasiewicz");

    [Benchmark]
    public string Key() => PhoneticKey.For("obriensmith");

    [Benchmark]
    public double Score() => SearchChildren.Score(Query, "caitlin", "obrien");
}
