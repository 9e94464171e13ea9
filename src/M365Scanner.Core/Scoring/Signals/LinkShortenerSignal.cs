using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: URL shortener hides the destination: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkShortenerSignal : LinkSignal
{
    public override string Id => "link.shortener";
    public override string Name => "Link: URL shortener hides the destination";
    public override double Weight => 1.75;
    public override string Description =>
        "Neither the reader nor history can tell where a shortened link goes, and a fresh short link costs an " +
        "attacker nothing. Social networks' own wrappers (t.co, lnkd.in) weigh less; the shortener's bare " +
        "home page (no code in the path) does not count.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Shortener, SocialWrapper];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = ReferenceLists.Shorteners;
    public override string KnownFalsePositives => "Newsletters and social posts that shorten their links for tracking.";

    public static readonly SignalStrength Shortener = new("shortener", 1.0, "a public URL shortener");
    public static readonly SignalStrength SocialWrapper = new("social-wrapper", 0.4, "a social network's own link wrapper");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || ReferenceData.Current.UrlShorteners.Match(link.Host, LinkAbusedHostingSignal.PathOf(link.Target)) is not { } match || !HasCode(link.Target))
            return null;
        return match.IsSocial
            ? Hit($"the link goes through {match.Shortener}, a social network's link wrapper that hides where it leads", SocialWrapper)
            : Hit($"the link goes through the URL shortener {match.Shortener}, which hides where it leads", Shortener);
    }

    // "https://bit.ly/3xYz" has a code; "https://bit.ly/" is the service's home page.
    private static bool HasCode(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : target.IndexOf('/', scheme + 3);
        return slash >= 0 && slash < target.Length - 1 && target[slash + 1] is not ('?' or '#');
    }
}
