using System.Diagnostics;

namespace M365Scanner.Graph.Load;

/// <summary>How far the managed heap rose above its post-collection baseline while one operation ran, and what it
/// allocated. The heap size is sampled about every millisecond on a thread of its own: a large buffer lives for
/// milliseconds at least (it is filled from the network), so the sampling sees it.</summary>
internal static class ManagedPeak
{
    public sealed record Measured<T>(T Result, long PeakAboveBaseline, long Allocated, TimeSpan Elapsed);

    public static async Task<Measured<T>> MeasureAsync<T>(Func<Task<T>> operation)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var peak = baseline;
        var done = 0;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                var now = GC.GetTotalMemory(forceFullCollection: false);
                if (now > Volatile.Read(ref peak)) Volatile.Write(ref peak, now);
                Thread.Sleep(1);
            }
        }) { IsBackground = true, Name = "heap sampler" };
        sampler.Start();
        var clock = Stopwatch.StartNew();
        var result = await operation();
        clock.Stop();
        Volatile.Write(ref done, 1);
        sampler.Join();
        var last = GC.GetTotalMemory(forceFullCollection: false);
        var highest = Math.Max(Volatile.Read(ref peak), last);
        return new Measured<T>(result, highest - baseline, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, clock.Elapsed);
    }
}
