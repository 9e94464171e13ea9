using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Hunting;

/// <summary>
/// The indicators a confirmed phish report is hunted by: the original's sender address, then the registrable domain of
/// each of its web links (the URL itself for an IP host), in the order found, each once. What the tenant vouches for is
/// left out, because a hunt for it would sweep the tenant's own mail: its own domains, the policy's allowed domains
/// and senders, and its active allow entries that apply to the reporter's mailbox.
/// </summary>
public static class ReportedIndicators
{
    /// <summary>More hunts than this for one report are not started: a message with dozens of link domains is a
    /// newsletter-shaped phish whose tail is trackers and brands, which an analyst hunts by hand if need be.</summary>
    public const int Max = 10;

    public static IReadOnlyList<Indicator> From(PhishReport report, IEnumerable<string> ownDomains, PolicyOptions policy,
        IEnumerable<PolicyEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(policy);
        var own = ownDomains.ToList();
        var allows = entries.Where(e => e.Effect == PolicyEntryEffect.Allow && e.AppliesTo(report.Reporter)).ToList();
        var found = new List<Indicator>();

        if (report.OriginalSender is { Length: > 0 } sender && sender.LastIndexOf('@') is var at and > 0
            && !Covered(sender[(at + 1)..], own)
            && !policy.AllowSenders.Any(a => a.StartsWith('@') ? Covered(sender[(at + 1)..], [a[1..]]) : string.Equals(a, sender, StringComparison.OrdinalIgnoreCase))
            && !allows.Any(e => e.MatchesSender(sender)))
            Add(found, () => Indicator.Sender(sender));

        foreach (var target in report.Links)
        {
            if (found.Count >= Max)
                break;
            // Web links only: a mailto or tel target names no site to hunt for.
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.IdnHost is not { Length: > 0 } host)
                continue;
            if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            {
                Add(found, () => Indicator.Url(target));
                continue;
            }
            if (PublicSuffixList.Default.GetRegistrableDomain(host) is not { } domain || Covered(host, own)
                || policy.AllowDomains.Any(d => Covered(host, [d])) || allows.Any(e => e.MatchesLinkHost(host)))
                continue;
            Add(found, () => Indicator.Domain(domain));
        }
        return found.Take(Max).ToList();
    }

    private static void Add(List<Indicator> found, Func<Indicator> make)
    {
        try
        {
            var indicator = make();
            if (!found.Contains(indicator))
                found.Add(indicator);
        }
        catch (FormatException)
        {
            // Not matchable (a public suffix, an opaque wrapper): nothing to hunt for.
        }
    }

    private static bool Covered(string host, IEnumerable<string> domains) => domains.Any(d =>
        host.EndsWith(d, StringComparison.OrdinalIgnoreCase) && (host.Length == d.Length || host[host.Length - d.Length - 1] == '.'));
}
