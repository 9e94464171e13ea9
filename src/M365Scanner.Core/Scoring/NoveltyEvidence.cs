using M365Scanner.Core.Links;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring;

/// <summary>
/// How much a link's novelty (a domain never seen by a sender, a mailbox or the tenant) says about it. A domain
/// nobody ranks, never seen here, is what a campaign's fresh domain looks like; a domain among the web's most visited
/// (Tranco) is new to the tenant only because nobody here had linked it yet. So the novelty signals fire at a
/// strength graded by rank. Popularity vouches for a provider's own site, never for what its users publish: a page on
/// free hosting, a site builder, a file host, cloud storage, a form service or an IPFS gateway, and a shortened link,
/// are judged as if unranked (github.io, sites.google.com, bit.ly are popular; the page on them is not). A bulk
/// mailer's click tracker says only which mailing service the sender uses: it weighs as a popular domain. A host
/// named after an IP address ("103-52-115-55.cloud.leaseweb.net") is a rented server, not the provider's site, and
/// a link whose path or query carries another URL ("...huawei.com/logout?redirect=https://...") uses the popular
/// site as a redirector: neither is vouched for.
/// A bare address typed without scheme or path, with a port or as four numbers, that a mail client turned into a
/// link ("file.sv:51", "4.1.0.5") is as often a file:line reference or a version number as a destination, and
/// the reader sees all of it: its novelty weighs as a popular domain's.
/// </summary>
public static class NoveltyEvidence
{
    /// <summary>Strength of novelty on a domain among the web's 10,000 most visited.</summary>
    public const double Top10kStrength = 0.25;

    /// <summary>Strength of novelty on a domain ranked 10,001 to 50,000.</summary>
    public const double Top50kStrength = 0.5;

    /// <summary>Strength of novelty on a bare address a mail client auto-linked ("file.sv:51", "4.1.0.5").</summary>
    public const double AutoLinkedReferenceStrength = Top10kStrength;

    /// <summary>Strength of novelty on a bulk mailer's click-tracking host.</summary>
    public const double ClickTrackerStrength = Top10kStrength;

    /// <summary>The grades above, named, as the novelty signals declare them.</summary>
    public static IReadOnlyList<SignalStrength> Grades { get; } =
    [
        new("unranked", 1.0, "a domain outside the web's 50,000 most visited, or a page on hosting anyone can publish on, a shortened link, a host named after an address, a link carrying another URL"),
        new("top-50k", Top50kStrength, "a domain ranked 10,001 to 50,000"),
        new("top-10k", Top10kStrength, "a domain among the web's 10,000 most visited"),
        new("click-tracker", ClickTrackerStrength, "a bulk mailer's click-tracking host"),
        new("auto-linked-reference", AutoLinkedReferenceStrength, "a bare address with a port or only numbers that a mail client turned into a link"),
    ];

    /// <summary>The lists the grading reads: popularity ranks, and the hosting, shortener and click-tracker lists whose
    /// entries popularity does not vouch for.</summary>
    public static IReadOnlyList<ReferenceListSpec> Lists { get; } =
        [.. ReferenceLists.Popularity, .. ReferenceLists.AbusedHosting, .. ReferenceLists.Shorteners];

    /// <summary>The strength (0..1] at which a novelty signal fires on <paramref name="link"/>, and the clause that
    /// says why it is reduced (null at full strength).</summary>
    public static (double Strength, string? Why) Of(Link link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var reference = ReferenceData.Current;
        if (link.Host is null)
            return (1.0, null);
        if (IsAutoLinkedReference(link))
            return (AutoLinkedReferenceStrength, $"the link is the text \"{link.Text!.Trim()}\" as typed, which a mail client turned into a link; a bare address with {(link.IsIpHost ? "only numbers" : "a port")} and no path is as often a version number or a file:line reference");
        if (link.IsIpHost || IsUserContent(link, reference) || IsNamedAfterAddress(link.Host) || CarriesUrl(link.Target))
            return (1.0, null);
        if (reference.ClickTrackers.Contains(link.Host))
            return (ClickTrackerStrength, $"{link.Host} is a mailing service's click tracker, so its novelty says little about the destination");
        return reference.Popularity.RankOf(link.RegistrableDomain) switch
        {
            <= 10_000 and var rank => (Top10kStrength, $"{link.RegistrableDomain} is among the web's 10,000 most visited sites (rank {rank:N0})"),
            <= 50_000 and var rank => (Top50kStrength, $"{link.RegistrableDomain} is among the web's 50,000 most visited sites (rank {rank:N0})"),
            _ => (1.0, null),
        };
    }

    /// <summary>Whether <paramref name="link"/> is a bulk mailer's click tracker (its novelty is the mailing
    /// service's, not the sender's choice of destination).</summary>
    public static bool IsClickTracker(Link link) =>
        link.Host is not null && !IsUserContent(link, ReferenceData.Current) && ReferenceData.Current.ClickTrackers.Contains(link.Host);

    /// <summary>A sentence's explanation with the reduction's reason appended.</summary>
    internal static string Explain(string explanation, string? why) => why is null ? explanation : $"{explanation}; {why}";

    // <a href="http://file.sv:51">file.sv:51</a>: the text is the whole address without its scheme, nothing else.
    internal static bool IsAutoLinkedReference(Link link)
    {
        if (link.Text is not { } raw || !(link.IsIpHost || link.Port is not null) || link.WrappedBy.Count > 0)
            return false;
        var text = raw.Trim();
        if (text.Length == 0 || text.Contains("://", StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal))
            return false;
        var target = link.Target.EndsWith('/') ? link.Target[..^1] : link.Target;
        return target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            && target.AsSpan("http://".Length).Equals(text, StringComparison.OrdinalIgnoreCase);
    }

    // "/logout?redirect=%68%74%74%70%73%3a%2f%2f...": a URL after the host, plain or percent-encoded.
    internal static bool CarriesUrl(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : target.IndexOf('/', scheme + 3);
        if (slash < 0)
            return false;
        var rest = target[slash..];
        return rest.Contains("://", StringComparison.Ordinal)
            || (rest.Contains('%', StringComparison.Ordinal) && Uri.UnescapeDataString(rest).Contains("://", StringComparison.Ordinal));
    }

    // "103-52-115-55.cloud.leaseweb.net", "ec2-3-8-1-2.compute.amazonaws.com": four numeric parts in one label.
    internal static bool IsNamedAfterAddress(string host)
    {
        foreach (var label in host.Split('.'))
        {
            var numeric = 0;
            foreach (var part in label.Split('-'))
            {
                numeric = part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit) ? numeric + 1 : 0;
                if (numeric == 4)
                    return true;
            }
        }
        return false;
    }

    private static bool IsUserContent(Link link, ReferenceData reference) =>
        reference.AbusedHosting.Match(link.Host, Signals.LinkAbusedHostingSignal.PathOf(link.Target)) is not null
        || reference.UrlShorteners.Match(link.Host, Signals.LinkAbusedHostingSignal.PathOf(link.Target)) is not null;
}
