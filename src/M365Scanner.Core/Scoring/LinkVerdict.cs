using M365Scanner.Core.Links;

namespace M365Scanner.Core.Scoring;

/// <summary>A link's score (0..1, the probability-like belief that it is malicious) and the reasons, most important first.</summary>
public sealed record LinkVerdict(Link Link, double Score, IReadOnlyList<SignalHit> Reasons);
