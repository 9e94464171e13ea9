namespace M365Scanner.Core.Hunting;

/// <summary>Why a message matched: the indicator, and where in the message ("sender", "body", "attachment:a.pdf/page 1").</summary>
/// <param name="Url">The link as written in the message when a link matched (before unwrapping); null for a sender.</param>
public sealed record IndicatorHit(Indicator Indicator, string Where, string? Url);
