using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Data;

namespace M365Scanner.Evaluation.Replay;

/// <summary>What the product decided for one real test-period message.</summary>
/// <param name="Flagged">The links it would rewrite (or that drove a quarantine), with scores and reasons.</param>
/// <param name="Gaps">What of the message could not be read; when not empty and the message was acted on, the
/// policy's fail-safe took part in the decision.</param>
public sealed record BenignOutcome(Mailbox Mailbox, CorpusMessage Message, MessageAction Action, int Links,
    IReadOnlyList<LinkVerdict> Flagged, IReadOnlyList<string> Gaps)
{
    public bool IsFlagged => Action != MessageAction.Allow;

    /// <summary>Acted on while part of it was unread: the cost of failing safe.</summary>
    public bool IsFailSafe => IsFlagged && Gaps.Count > 0;

    public static BenignOutcome Of(Mailbox mailbox, CorpusMessage message, ScanVerdict verdict) => new(
        mailbox, message, verdict.Plan.Action, verdict.Extraction.Links.Count,
        [.. verdict.Score.Links.Where(v => verdict.IsFlagged(v.Link))], verdict.Extraction.Gaps);
}
