namespace M365Scanner.Host.Load;

/// <summary>Nearest-rank percentiles of a sample, in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> millis) => _sorted = millis.Order().ToArray();

    public int Count => _sorted.Length;

    public double At(double q) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(q * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    /// <summary>"n=…, p50 … ms, p99 … ms, max … ms".</summary>
    public override string ToString() =>
        Count == 0 ? "n=0" : $"n={Count}, p50 {Ms(At(0.50))}, p99 {Ms(At(0.99))}, max {Ms(Max)}";

    public static string Ms(double millis) => millis >= 100 ? $"{millis:F0} ms" : $"{millis:F1} ms";
}
