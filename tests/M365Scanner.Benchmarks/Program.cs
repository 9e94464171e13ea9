using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*GraphBuild*'; see docs/BENCHMARKS.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
