using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*Extraction*'; see docs/BENCHMARKS.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
