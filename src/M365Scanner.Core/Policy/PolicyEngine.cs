using System.Globalization;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Policy;

/// <summary>Turns scores into an <see cref="ActionPlan"/> under a tenant's <see cref="PolicyOptions"/>.</summary>
public sealed class PolicyEngine(PolicyOptions options)
{
    public PolicyOptions Options => options;

    public ActionPlan Decide(MessageScore score, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(context);
        var enforced = options.Mode == PolicyMode.Enforce;
        var sender = (context.Message.From ?? context.Message.Sender)?.Normalized ?? "";
        if (sender.Length > 0 && options.AllowSenders.Any(a => Matches(sender, a)))
            return ActionPlan.Allow($"sender {sender} is on the tenant's allow-list", enforced);

        var offending = score.Links
            .Where(v => v.Score >= options.RewriteThreshold)
            .Where(v => v.Link.RegistrableDomain is not { } d || !options.AllowDomains.Contains(d, StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (offending.Count == 0)
            return ActionPlan.Allow(
                $"no link reached the rewrite threshold {Format(options.RewriteThreshold)} (highest {Format(score.Score)})", enforced);

        var worst = offending.Max(v => v.Score);
        var established = context.Sender.IsEstablished;
        if (worst >= options.QuarantineThreshold && (!established || options.QuarantineEstablishedSenders))
            return new ActionPlan(MessageAction.Quarantine, [.. offending.Select(v => v.Link)],
                $"message score {Format(worst)} reached the quarantine threshold {Format(options.QuarantineThreshold)}" +
                (established ? "" : " and the sender is not an established correspondent"), enforced);

        return new ActionPlan(MessageAction.Rewrite, [.. offending.Select(v => v.Link)],
            $"{offending.Count} link(s) reached the rewrite threshold {Format(options.RewriteThreshold)}" +
            (worst >= options.QuarantineThreshold ? "; not quarantined because the sender is an established correspondent" : ""),
            enforced);
    }

    // "alice@x.com" matches exactly; "@x.com" matches anyone at x.com.
    private static bool Matches(string sender, string entry) =>
        entry.StartsWith('@') ? sender.EndsWith(entry, StringComparison.OrdinalIgnoreCase)
                              : string.Equals(sender, entry, StringComparison.OrdinalIgnoreCase);

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
