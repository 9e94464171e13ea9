using System.Collections.Frozen;
using M365Scanner.Core.Links.Domains;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Top-level domains where registrations are cheap and abuse is concentrated, in two tiers: the product's "high"
/// list (the most abused) and Sublime Security's suspicious_tlds ("elevated"). A link there is not malicious by
/// itself (real shops live on .shop and .online), so the signal is modest and graded by tier. Entries may be
/// multi-label public suffixes ("co.za"), matched against the host's public suffix.
/// </summary>
public sealed class AbusedTopLevelDomains
{
    private readonly FrozenSet<string> _high;
    private readonly FrozenSet<string> _elevated;
    private readonly PublicSuffixList _suffixes;

    public AbusedTopLevelDomains(IReadOnlyList<string> high, IReadOnlyList<string> elevated, PublicSuffixList suffixes)
    {
        _high = high.ToFrozenSet(StringComparer.Ordinal);
        _elevated = elevated.Except(high).ToFrozenSet(StringComparer.Ordinal);
        _suffixes = suffixes;
    }

    /// <summary>The tier of <paramref name="host"/>'s public suffix, or else its last label: 2 for the high list,
    /// 1 for the elevated one, 0 otherwise (and for null, IP or single-label hosts, which have no TLD).</summary>
    public int TierOf(string? host, out string tld)
    {
        tld = "";
        if (string.IsNullOrEmpty(host) || host[0] == '[')
            return 0;
        var dot = host.LastIndexOf('.');
        if (dot < 0)
            return 0;
        if (_suffixes.GetPublicSuffix(host) is { } suffix && suffix.Contains('.') && Tier(suffix) is > 0 and var tier)
        {
            tld = suffix;
            return tier;
        }
        tld = host[(dot + 1)..];
        return Tier(tld);
    }

    private int Tier(string tld) => _high.Contains(tld) ? 2 : _elevated.Contains(tld) ? 1 : 0;
}
