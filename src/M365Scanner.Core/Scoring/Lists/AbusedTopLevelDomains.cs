using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Top-level domains where registrations are cheap and abuse is concentrated, in two tiers. A link there is not
/// malicious by itself (real shops live on .shop and .online), so the signal is modest and graded by tier.
/// </summary>
/// <remarks>
/// Sources: Spamhaus, "The world's most abused TLDs" (spamhaus.org/statistics/tlds, 2023-2024 snapshots);
/// Interisle Consulting Group, "Phishing Landscape 2023" and "2024" (TLDs with the highest phishing domain scores,
/// the Freenom TLDs before their 2023 shutdown); Google's 2023 .zip/.mov launch, abused for file-name confusion.
/// Review yearly: the ranking moves with registrars' promotions.
/// </remarks>
public static class AbusedTopLevelDomains
{
    /// <summary>Where most registrations seen in mail are abusive: the former Freenom TLDs, file-name lookalikes and
    /// the cheap new gTLDs at the top of the abuse rankings.</summary>
    public static IReadOnlyList<string> High { get; } =
    [
        "tk", "ml", "ga", "cf", "gq", "zip", "mov", "top", "xyz", "icu", "buzz", "cfd", "sbs", "rest", "cyou",
        "bond", "lol", "quest", "monster", "cam", "click", "gdn", "work", "loan", "kim", "country", "stream",
        "download", "racing", "win", "bid", "men", "date", "review", "party", "trade", "science", "accountant",
        "faith", "cricket", "webcam", "xin", "ren", "mom", "beauty", "hair", "skin", "boats", "autos", "yachts",
        "homes", "motorcycles", "uno", "pw", "su",
    ];

    /// <summary>Cheap general-purpose TLDs with elevated abuse where ordinary businesses are also common.</summary>
    public static IReadOnlyList<string> Elevated { get; } =
    [
        "shop", "online", "site", "store", "live", "life", "today", "support", "space", "fun", "website", "tech",
        "club", "best", "digital", "link", "info", "biz", "ws", "cc", "vip", "one", "services", "world", "center",
        "email", "host", "press", "pics", "surf", "tokyo", "wang", "help", "asia", "network",
    ];

    private static readonly FrozenSet<string> HighSet = High.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> ElevatedSet = Elevated.Except(High).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The tier of <paramref name="host"/>'s last label: 2 for <see cref="High"/>, 1 for
    /// <see cref="Elevated"/>, 0 otherwise (and for null or IP hosts, which have no TLD).</summary>
    public static int TierOf(string? host, out string tld)
    {
        tld = "";
        if (string.IsNullOrEmpty(host) || host[0] == '[')
            return 0;
        var dot = host.LastIndexOf('.');
        tld = dot < 0 ? host : host[(dot + 1)..];
        return HighSet.Contains(tld) ? 2 : ElevatedSet.Contains(tld) ? 1 : 0;
    }
}
