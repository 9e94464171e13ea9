namespace M365Scanner.Evaluation.Splits;

/// <summary>Which half of the development data an item belongs to. Weights may be fitted on <see cref="Tune"/>;
/// the numbers worth quoting are those of <see cref="Report"/>.</summary>
public enum Split
{
    Tune,
    Report,
}
