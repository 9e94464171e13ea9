using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Data;

namespace M365Scanner.Evaluation.Replay;

/// <summary>What the product decided for one real test-period message.</summary>
/// <param name="Flagged">The links it would rewrite (or that drove a quarantine), with scores and reasons.</param>
public sealed record BenignOutcome(EnronMailbox Mailbox, CorpusMessage Message, MessageAction Action, int Links,
    IReadOnlyList<LinkVerdict> Flagged)
{
    public bool IsFlagged => Action != MessageAction.Allow;

    public static BenignOutcome Of(EnronMailbox mailbox, CorpusMessage message, ScanVerdict verdict) => new(
        mailbox, message, verdict.Plan.Action, verdict.Extraction.Links.Count,
        [.. verdict.Score.Links.Where(v => verdict.IsFlagged(v.Link))]);
}
