using BenchmarkDotNet.Attributes;
using ChildStory.Features.Identity;

namespace ChildStory.Benchmarks;

/// <summary>
/// Batch linking of synthetic UK child records (<see cref="SyntheticPeople"/>): blocking, parallel pair scoring and
/// contradiction-checked clustering. scripts/bench-link.sh times a million through <c>childstory link</c>.
/// </summary>
[MemoryDiagnoser]
public class LinkerBenchmarks
{
    private IReadOnlyList<PersonRecord> _records = [];

    [Params(100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup() => _records = SyntheticPeople.Generate(Records).Records();

    [Benchmark]
    public int Link() => Linker.Link(_records).LinkedPairs;
}
