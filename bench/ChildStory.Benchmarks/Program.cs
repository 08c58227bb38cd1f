using BenchmarkDotNet.Running;
using ChildStory.Features.Identity;

// dotnet run -c Release --project bench/ChildStory.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/ChildStory.Benchmarks -- linkdata 1000000 /tmp/people.csv
//   writes that many synthetic UK child records (SyntheticPeople) for `childstory link` (scripts/bench-link.sh).
if (args is ["linkdata", var count, var path])
{
    SyntheticPeople.WriteCsv(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path);
    Console.WriteLine($"Wrote {count} synthetic records to {path}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
