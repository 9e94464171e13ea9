using M365Scanner.Core.Links;

namespace M365Scanner.Core.Policy;

/// <summary>What to do with one message, and why, in one sentence an admin can read.</summary>
/// <param name="LinksToRewrite">For <see cref="MessageAction.Rewrite"/>: exactly the links to neutralise.</param>
/// <param name="Enforced">False in report-only mode: the plan is recorded, not carried out.</param>
public sealed record ActionPlan(MessageAction Action, IReadOnlyList<Link> LinksToRewrite, string Explanation, bool Enforced)
{
    public static ActionPlan Allow(string explanation, bool enforced) => new(MessageAction.Allow, [], explanation, enforced);
}
