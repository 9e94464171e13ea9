using System.Diagnostics;
using M365Scanner.Core.Reference;

namespace M365Scanner.Benchmarks.Reference;

/// <summary>
/// <c>reference-footprint</c>: what loading the reference lists once costs: the time to build the snapshot from the
/// resources embedded in Core (first use, in a fresh process), and the managed memory it keeps (the heap after a
/// full collection with the snapshot held, minus the heap before). Prints a Markdown table for docs/BENCHMARKS.md.
/// </summary>
public static class ReferenceFootprint
{
    public static int Run()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var data = ReferenceData.Embedded;
        var loadTime = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        clock.Restart();
        var rebuilt = data.With(data[ReferenceLists.UrlShorteners]);
        var rebuildTime = clock.Elapsed;

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| lists | {data.Lists.Count} ({data.Lists.Sum(l => l.Entries.Count):N0} entries) |");
        Console.WriteLine($"| first load (embedded resources -> snapshot) | {loadTime.TotalMilliseconds:F0} ms |");
        Console.WriteLine($"| managed memory kept by the snapshot | {(after - before) / 1024.0 / 1024.0:F1} MiB |");
        Console.WriteLine($"| rebuild after one list is refreshed (With) | {rebuildTime.TotalMilliseconds:F0} ms |");
        GC.KeepAlive(data);
        GC.KeepAlive(rebuilt);
        return 0;
    }
}
