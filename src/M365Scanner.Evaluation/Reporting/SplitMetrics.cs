using M365Scanner.Core.Policy;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Replay;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>The numbers of one block of the table, computed from the outcomes that belong to it.</summary>
public sealed record SplitMetrics(
    string Name,
    int Mailboxes,
    int Samples,
    Ratio BenignMessagesFlagged,
    Ratio BenignLinksRewritten,
    Ratio BenignFailSafe,
    IReadOnlyDictionary<Scenario, ScenarioMetrics> Scenarios)
{
    public static SplitMetrics Of(string name, int mailboxes, int samples,
        IReadOnlyCollection<BenignOutcome> benign, IReadOnlyCollection<AttackOutcome> attacks) => new(
        name, mailboxes, samples,
        new Ratio(benign.Count(b => b.IsFlagged), benign.Count),
        new Ratio(benign.Sum(b => b.Flagged.Count), benign.Sum(b => (long)b.Links)),
        new Ratio(benign.Count(b => b.IsFailSafe), benign.Count),
        Enum.GetValues<Scenario>().ToDictionary(s => s, s => ScenarioMetrics.Of([.. attacks.Where(a => a.Attack.Scenario == s)])));
}

/// <summary>One attack scenario's numbers.</summary>
/// <param name="InjectedFlagged">Messages where at least one injected link was flagged.</param>
/// <param name="InjectedLinksFlagged">Injected links flagged, counted one by one (a PDF may carry several).</param>
/// <param name="OriginalsLeftAlone">The real message's own links not flagged / all of them (lateral only).</param>
/// <param name="FlaggedWithLinks">External only: flagged among samples from which at least one link is extracted
/// (a message with no link is out of a link scanner's reach by design).</param>
/// <param name="InjectedFlaggedByRule">Lateral: injected link flagged, among carriers the scanner called established.</param>
/// <param name="InjectedFlaggedByCount">Lateral: the same among carriers whose author had 3+ messages before (any span).</param>
public sealed record ScenarioMetrics(
    Ratio Flagged,
    Ratio Quarantined,
    Ratio InjectedFlagged,
    Ratio InjectedLinksFlagged,
    Ratio OriginalsLeftAlone,
    Ratio FlaggedWithLinks,
    Ratio InjectedFlaggedByRule,
    Ratio InjectedFlaggedByCount)
{
    public static ScenarioMetrics Of(IReadOnlyCollection<AttackOutcome> outcomes)
    {
        var withLinks = outcomes.Where(o => o.InjectedLinks > 0).ToList();
        var originals = outcomes.Sum(o => (long)o.OriginalLinks);
        return new ScenarioMetrics(
            new Ratio(outcomes.Count(o => o.IsFlagged), outcomes.Count),
            new Ratio(outcomes.Count(o => o.Action == MessageAction.Quarantine), outcomes.Count),
            new Ratio(outcomes.Count(o => o.InjectedFlagged > 0), outcomes.Count),
            new Ratio(outcomes.Sum(o => (long)o.InjectedFlagged), outcomes.Sum(o => (long)o.InjectedLinks)),
            new Ratio(originals - outcomes.Sum(o => (long)o.OriginalFlagged.Count), originals),
            new Ratio(withLinks.Count(o => o.IsFlagged), withLinks.Count),
            InGroup(outcomes, CarrierGroups.ScannerRule),
            InGroup(outcomes, CarrierGroups.MessageCount));
    }

    private static Ratio InGroup(IReadOnlyCollection<AttackOutcome> outcomes, CarrierGroups group)
    {
        var inGroup = outcomes.Where(o => o.Attack.Carrier.HasFlag(group)).ToList();
        return new Ratio(inGroup.Count(o => o.InjectedFlagged > 0), inGroup.Count);
    }
}
