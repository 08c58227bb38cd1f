using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ChildStory.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
