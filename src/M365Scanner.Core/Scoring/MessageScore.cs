namespace M365Scanner.Core.Scoring;

/// <summary>The scores of one message: each link's, and the message's (its worst link).</summary>
/// <param name="MessageReasons">Message-level signals that fired (they also weigh on every link).</param>
public sealed record MessageScore(double Score, IReadOnlyList<LinkVerdict> Links, IReadOnlyList<SignalHit> MessageReasons);
