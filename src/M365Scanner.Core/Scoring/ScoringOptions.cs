namespace M365Scanner.Core.Scoring;

/// <summary>How signal weights combine.</summary>
public sealed record ScoringOptions
{
    /// <summary>Prior log-odds that a link is malicious before any signal: almost every link in mail is benign.</summary>
    public double Bias { get; init; } = -4.0;

    public static ScoringOptions Default { get; } = new();
}
