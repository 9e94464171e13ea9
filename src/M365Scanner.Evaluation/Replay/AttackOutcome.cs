using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Attacks;

namespace M365Scanner.Evaluation.Replay;

/// <summary>What the product decided for one injected attack.</summary>
/// <param name="InjectedLinks">Extracted links that are the attack (for external: all of the message's links).</param>
/// <param name="InjectedFlagged">How many of those were flagged.</param>
/// <param name="OriginalLinks">The real message's own links (lateral only; 0 for external).</param>
/// <param name="OriginalFlagged">Of those, the ones flagged: collateral damage to a real partner's message.</param>
/// <param name="WorstInjected">The highest-scoring injected link, null when none was extracted.</param>
public sealed record AttackOutcome(
    Attack Attack,
    MessageAction Action,
    int InjectedLinks,
    int InjectedFlagged,
    int OriginalLinks,
    IReadOnlyList<LinkVerdict> OriginalFlagged,
    LinkVerdict? WorstInjected,
    string Explanation)
{
    public bool IsFlagged => Action != MessageAction.Allow;

    /// <summary>Caught, by the scenario's own standard: for lateral attacks at least one injected link is flagged
    /// (flagging only an original link does not count); for external ones the message is acted on.</summary>
    public bool IsCaught => Attack.Scenario == Scenario.External ? IsFlagged : InjectedFlagged > 0;

    public static AttackOutcome Of(Attack attack, ScanVerdict verdict)
    {
        var links = verdict.Score.Links;
        var injected = links.Where(v => attack.IsInjected(v.Link)).ToList();
        var original = attack.Scenario == Scenario.External ? [] : links.Where(v => !attack.IsInjected(v.Link)).ToList();
        return new AttackOutcome(attack, verdict.Plan.Action,
            injected.Count, injected.Count(v => verdict.IsFlagged(v.Link)),
            original.Count, [.. original.Where(v => verdict.IsFlagged(v.Link))],
            injected.MaxBy(v => v.Score), verdict.Plan.Explanation);
    }
}
