using System.Globalization;
using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Policy;

/// <summary>Turns scores into an <see cref="ActionPlan"/> under a tenant's <see cref="PolicyOptions"/> and the allow and
/// block entries its admins added (<see cref="PolicyEntry"/>; only the active ones for the message's mailbox apply).
/// A block entry wins over an allow entry that matches the same message: an admin's block is never silently undone.</summary>
public sealed class PolicyEngine(PolicyOptions options, IReadOnlyList<PolicyEntry>? entries = null)
{
    private readonly IReadOnlyList<PolicyEntry> _entries = entries ?? [];

    public PolicyOptions Options => options;

    /// <param name="gaps">What could not be read of the message (<see cref="Links.ContentGaps"/>): the fail-safe
    /// decides on it unless the links already call for a quarantine.</param>
    public ActionPlan Decide(MessageScore score, MessageContext context, IReadOnlyList<string>? gaps = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(context);
        if (SenderEntry(context, PolicyEntryEffect.Block) is { } blocked)
            return new ActionPlan(MessageAction.Quarantine, [], blocked.Describe(), options.Mode == PolicyMode.Enforce);
        var plan = DecideOnLinks(score, context);
        if (plan.Action == MessageAction.Allow && !IsAllowListed(context))
            plan = SenderEvidenceWithoutLinks(plan, score, context);
        if (gaps is not { Count: > 0 } || plan.Action == MessageAction.Quarantine)
            return plan;
        return IsAllowListed(context)
            ? plan with { Explanation = $"{plan.Explanation}; {gaps.Count} part(s) could not be read (first: {gaps[0]}), not held because of the allow-list" }
            : FailSafe(plan, context, gaps);
    }

    // Unread content is a fact against the message: by default it is held whole, because a link that could not be
    // read cannot be rewritten either.
    private ActionPlan FailSafe(ActionPlan plan, MessageContext context, IReadOnlyList<string> gaps)
    {
        var established = context.Sender.IsEstablished;
        var action = established ? options.UnreadableFromEstablishedSender : options.UnreadableFromUnknownSender;
        var what = gaps.Count == 1 ? $"part of the message could not be read ({gaps[0]})"
                                   : $"{gaps.Count} parts of the message could not be read (first: {gaps[0]})";
        var who = established ? "an established correspondent" : "a sender this mailbox does not correspond with";
        return action == UnreadableContentAction.Quarantine
            ? new ActionPlan(MessageAction.Quarantine, plan.OffendingLinks,
                $"{what}; the policy quarantines unreadable content from {who}", plan.Enforced)
            : plan with { Explanation = $"{plan.Explanation}; {what}, which the policy allows from {who}" };
    }

    /// <summary>The sender signals that count as evidence against a message on their own.</summary>
    public static readonly IReadOnlySet<string> StrongSenderEvidence = new HashSet<string>(StringComparer.Ordinal)
    {
        "sender.auth-failure", "sender.reply-to-mismatch", "sender.display-name-impersonation", "sender.lookalike-domain",
    };

    // A message with no link to rewrite offers one action only: with a stranger's forged or impersonating sender, hold
    // it. A known correspondent's or a colleague's message is never held on sender evidence alone.
    private ActionPlan SenderEvidenceWithoutLinks(ActionPlan plan, MessageScore score, MessageContext context)
    {
        if (options.SenderEvidenceWithoutLinks != SenderEvidenceAction.Quarantine
            || score.Links.Any(v => v.Link.Host is not null)
            || context.Sender.IsKnown || context.SenderIsInternal)
            return plan;
        var evidence = score.MessageReasons.FirstOrDefault(h => StrongSenderEvidence.Contains(h.Id));
        return evidence is null
            ? plan
            : new ActionPlan(MessageAction.Quarantine, [],
                $"the message has no link to judge, its sender is unknown to this mailbox, and {evidence.Explanation}; the policy quarantines such messages",
                plan.Enforced);
    }

    private bool IsAllowListed(MessageContext context)
    {
        var sender = SenderAddress(context);
        return sender.Length > 0 && options.AllowSenders.Any(a => Matches(sender, a)) || SenderEntry(context, PolicyEntryEffect.Allow) is not null;
    }

    private static string SenderAddress(MessageContext context) => (context.Message.From ?? context.Message.Sender)?.Normalized ?? "";

    private PolicyEntry? SenderEntry(MessageContext context, PolicyEntryEffect effect)
    {
        var sender = SenderAddress(context);
        return sender.Length == 0 ? null
            : _entries.FirstOrDefault(e => e.Effect == effect && e.AppliesTo(context.Mailbox) && e.MatchesSender(sender));
    }

    private PolicyEntry? LinkEntry(Link link, string mailbox, PolicyEntryEffect effect) =>
        _entries.FirstOrDefault(e => e.Effect == effect && e.AppliesTo(mailbox) && e.MatchesLinkHost(link.Host));

    private ActionPlan DecideOnLinks(MessageScore score, MessageContext context)
    {
        var enforced = options.Mode == PolicyMode.Enforce;
        if (SenderEntry(context, PolicyEntryEffect.Allow) is { } allowed)
            return ActionPlan.Allow(allowed.Describe(), enforced);
        if (IsAllowListed(context))
            return ActionPlan.Allow($"sender {SenderAddress(context)} is on the tenant's allow-list", enforced);

        var blocks = new List<PolicyEntry>();
        var allows = new List<PolicyEntry>();
        var offending = new List<LinkVerdict>();
        foreach (var verdict in score.Links)
        {
            if (LinkEntry(verdict.Link, context.Mailbox, PolicyEntryEffect.Block) is { } block)
            {
                offending.Add(verdict);
                if (!blocks.Contains(block))
                    blocks.Add(block);
                continue;
            }
            if (verdict.Score < options.RewriteThreshold
                || verdict.Link.RegistrableDomain is { } d && options.AllowDomains.Contains(d, StringComparer.OrdinalIgnoreCase))
                continue;
            if (LinkEntry(verdict.Link, context.Mailbox, PolicyEntryEffect.Allow) is { } allow)
            {
                if (!allows.Contains(allow))
                    allows.Add(allow);
                continue;
            }
            offending.Add(verdict);
        }
        var entryNotes = string.Concat(blocks.Concat(allows).Select(e => "; " + e.Describe()));
        if (offending.Count == 0)
            return ActionPlan.Allow(
                $"no link reached the rewrite threshold {Format(options.RewriteThreshold)} (highest {Format(score.Score)})" +
                (allows.Count > 0 ? $" that is not allowed{entryNotes}" : ""), enforced);

        var worst = offending.Max(v => v.Score);
        var established = context.Sender.IsEstablished;
        if (worst >= options.QuarantineThreshold && (!established || options.QuarantineEstablishedSenders))
            return new ActionPlan(MessageAction.Quarantine, [.. offending.Select(v => v.Link)],
                $"message score {Format(worst)} reached the quarantine threshold {Format(options.QuarantineThreshold)}" +
                (established ? "" : " and the sender is not an established correspondent") + entryNotes, enforced);

        return new ActionPlan(MessageAction.Rewrite, [.. offending.Select(v => v.Link)],
            $"{offending.Count} link(s) reached the rewrite threshold {Format(options.RewriteThreshold)}" +
            (worst >= options.QuarantineThreshold ? "; not quarantined because the sender is an established correspondent" : "") + entryNotes,
            enforced);
    }

    // "alice@x.com" matches exactly; "@x.com" matches anyone at x.com.
    private static bool Matches(string sender, string entry) =>
        entry.StartsWith('@') ? sender.EndsWith(entry, StringComparison.OrdinalIgnoreCase)
                              : string.Equals(sender, entry, StringComparison.OrdinalIgnoreCase);

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
