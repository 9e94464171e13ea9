using System.Globalization;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>A requirement on a percentage: at least or at most <see cref="Percent"/>.</summary>
public sealed record Target(bool AtLeast, double Percent)
{
    public static Target Min(double percent) => new(true, percent);
    public static Target Max(double percent) => new(false, percent);

    /// <summary>Pass, fail, or n/a when nothing was measured.</summary>
    public string Check(Ratio ratio) => ratio.Total == 0 ? "n/a"
        : (AtLeast ? ratio.Percent >= Percent : ratio.Percent <= Percent) ? "pass" : "**FAIL**";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(AtLeast ? "≥" : "≤")} {Percent:0.##}%");
}

/// <summary>The targets of issue 3, item 5.</summary>
public static class Targets
{
    public static Target BenignMessagesFlagged { get; } = Target.Max(0.5);
    public static Target BenignLinksRewritten { get; } = Target.Max(0.2);
    public static Target LateralFlagged { get; } = Target.Min(95);
    /// <summary>The issue asks that "the injected link" be the one flagged; we hold it to the lateral target.</summary>
    public static Target LateralInjectedFlagged { get; } = Target.Min(95);
    public static Target LateralOriginalsLeftAlone { get; } = Target.Min(99);
    public static Target ExternalFlagged { get; } = Target.Min(98);
}
