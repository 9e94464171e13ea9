namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Public URL shorteners (Sublime Security's url_shorteners plus the product's own): anyone can make one point
/// anywhere, so the destination is hidden from the reader and from history. Social networks' wrappers (t.co,
/// lnkd.in) lead anywhere but mostly appear in those networks' own notifications, so they are matched first as
/// social and weigh less; a click tracker (mjt.lu) is a newsletter's link, never counted as a shortener.
/// </summary>
public sealed class UrlShorteners(IReadOnlyList<string> general, IReadOnlyList<string> social, ClickTrackers clickTrackers)
{
    private readonly HostSuffixSet _general = new(general);
    private readonly HostSuffixSet _social = new(social);

    /// <summary>The listed shortener <paramref name="host"/> belongs to and whether it is a social wrapper; null when none.</summary>
    public (string Shortener, bool IsSocial)? Match(string? host) =>
        _social.Match(host) is { } social ? (social, true)
        : clickTrackers.Contains(host) ? null
        : _general.Match(host) is { } shortener ? (shortener, false)
        : null;
}
