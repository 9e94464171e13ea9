using BenchmarkDotNet.Running;

// Pick benchmarks with --filter, e.g. --filter '*GraphBuild*'; see docs/BENCHMARKS.md.
if (args is ["baseline-throughput", .. var rest])
    return await M365Scanner.Benchmarks.Baselines.BaselineThroughput.RunAsync(rest);
if (args is ["hunt-cost", .. var huntArgs])
    return await M365Scanner.Benchmarks.Hunting.HuntCost.RunAsync(huntArgs);
if (args is ["graph-store-scale", .. var scaleArgs])
    return M365Scanner.Benchmarks.Correspondence.GraphStoreScale.Run(scaleArgs);
if (args is ["graph-learn-contention", .. var learnArgs])
    return M365Scanner.Benchmarks.Correspondence.GraphLearnContention.Run(learnArgs);
if (args is ["extraction-ratio", .. var ratioArgs])
    return M365Scanner.Benchmarks.Extraction.ExtractionRatio.Run(ratioArgs);
if (args is ["reference-footprint"])
    return M365Scanner.Benchmarks.Reference.ReferenceFootprint.Run();
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
