using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Load;

/// <summary>Collects per-request latencies and prints throughput and percentiles.</summary>
internal sealed class LatencyRecorder
{
    private readonly ConcurrentBag<double> _millis = [];
    private int _errors;

    public void Add(TimeSpan latency) => _millis.Add(latency.TotalMilliseconds);
    public void Error() => Interlocked.Increment(ref _errors);

    public string Summary(string name, TimeSpan elapsed)
    {
        var sorted = _millis.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return $"{name}: {sorted.Length} ok, {_errors} errors in {elapsed.TotalSeconds:F1} s = {sorted.Length / elapsed.TotalSeconds:F0} req/s; " +
               $"latency p50 {P(0.50):F2} ms, p99 {P(0.99):F2} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):F2} ms";
    }
}
