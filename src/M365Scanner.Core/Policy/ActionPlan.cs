using M365Scanner.Core.Links;

namespace M365Scanner.Core.Policy;

/// <summary>What to do with one message, and why, in one sentence an admin can read.</summary>
/// <param name="OffendingLinks">The links that reached the rewrite threshold and are not allow-listed: what a rewrite
/// neutralises, and what drove a quarantine.</param>
/// <param name="Enforced">False in report-only mode: the plan is recorded, not carried out.</param>
public sealed record ActionPlan(MessageAction Action, IReadOnlyList<Link> OffendingLinks, string Explanation, bool Enforced)
{
    public static ActionPlan Allow(string explanation, bool enforced) => new(MessageAction.Allow, [], explanation, enforced);
}
