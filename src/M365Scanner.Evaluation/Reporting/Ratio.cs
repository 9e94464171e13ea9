using System.Globalization;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>A count out of a total, printed as both ("12 / 3,400 (0.35%)") so a small denominator is visible.</summary>
public readonly record struct Ratio(long Count, long Total)
{
    /// <summary>The share in percent; NaN when the total is 0.</summary>
    public double Percent => Total == 0 ? double.NaN : 100.0 * Count / Total;

    public override string ToString() => Total == 0
        ? "0 / 0 (n/a)"
        : string.Create(CultureInfo.InvariantCulture, $"{Count:N0} / {Total:N0} ({Percent:0.##}%)");
}
