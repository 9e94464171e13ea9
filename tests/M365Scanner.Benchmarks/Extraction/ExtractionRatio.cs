using System.Diagnostics;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>
/// Extraction against MimeKit's parse, the methods of <see cref="CorpusExtractionBenchmarks"/> alternating pass by
/// pass in one process: <c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- extraction-ratio
/// [phishing] [lists] [--passes N] [--warmup N]</c>.
/// </summary>
/// <remarks>On the shared 2-core development machine the speed drifts by a third from one minute to the next, and
/// BenchmarkDotNet runs each method minutes apart, so the ratio of two of its medians mixes the code's cost with the
/// machine's drift. Here each pass runs every method once, seconds apart, and the figure is the median of the per-pass
/// ratios. A full collection (finalizers run) precedes each timed call, as BenchmarkDotNet's does before each
/// iteration, so no method pays for the garbage of the one before it.</remarks>
internal static class ExtractionRatio
{
    public static int Run(string[] args)
    {
        var passes = Option(args, "--passes", 15);
        var warmup = Option(args, "--warmup", 20);
        var corpora = args.Where(a => a is MailCorpus.Phishing or MailCorpus.Lists).ToList();
        foreach (var corpus in corpora.Count > 0 ? corpora : [MailCorpus.Phishing, MailCorpus.Lists])
            RunCorpus(corpus, passes, warmup);
        return 0;
    }

    private static void RunCorpus(string corpus, int passes, int warmup)
    {
        using CorpusExtractionBenchmarks benchmarks = corpus == MailCorpus.Phishing
            ? new PhishingExtractionBenchmarks()
            : new ListMailExtractionBenchmarks();
        benchmarks.Setup();
        (string Name, Func<int> Pass)[] methods =
        [
            (nameof(benchmarks.MimeKitParseOnly), benchmarks.MimeKitParseOnly),
            (nameof(benchmarks.MimeKitParseDisposed), benchmarks.MimeKitParseDisposed),
            (nameof(benchmarks.FullExtraction), benchmarks.FullExtraction),
            (nameof(benchmarks.FullExtractionThroughWorkers), benchmarks.FullExtractionThroughWorkers),
        ];
        var times = methods.Select(_ => new List<double>()).ToArray();
        for (var pass = 0; pass < warmup + passes; pass++)
        {
            for (var m = 0; m < methods.Length; m++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var clock = Stopwatch.StartNew();
                methods[m].Pass();
                if (pass >= warmup)
                    times[m].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{corpus}: {passes} passes after {warmup} warm-up passes, every method once per pass");
        Console.WriteLine($"{"method",-30} {"median ms",10} {"min ms",8}  {"÷ ParseOnly: median (min-max)",-32} {"÷ ParseDisposed: median (min-max)"}");
        for (var m = 0; m < methods.Length; m++)
        {
            Console.WriteLine($"{methods[m].Name,-30} {Median(times[m]),10:F1} {times[m].Min(),8:F1}  " +
                              $"{Ratios(times[m], times[0]),-32} {Ratios(times[m], times[1])}");
        }
    }

    private static string Ratios(List<double> method, List<double> baseline)
    {
        var ratios = method.Zip(baseline, (a, b) => a / b).ToList();
        return $"{Median(ratios):F2} ({ratios.Min():F2}-{ratios.Max():F2})";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) && value > 0 ? value : fallback;
    }
}
