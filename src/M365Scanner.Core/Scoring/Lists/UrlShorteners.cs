namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Public URL shorteners (Sublime Security's url_shorteners plus the product's own): anyone can make one point
/// anywhere, so the destination is hidden from the reader and from history. Social networks' wrappers (t.co,
/// lnkd.in) lead anywhere but mostly appear in those networks' own notifications, so they are matched first as
/// social and weigh less; a click tracker (mjt.lu) is a newsletter's link, never counted as a shortener. An entry
/// with a path ("linkedin.com/slink") is a short-link service under a path of a site's own host: it matches that
/// host exactly and a path starting with it.
/// </summary>
public sealed class UrlShorteners(IReadOnlyList<string> general, IReadOnlyList<string> social, ClickTrackers clickTrackers)
{
    private readonly HostSuffixSet _general = new(general.Where(e => !e.Contains('/', StringComparison.Ordinal)));
    private readonly HostSuffixSet _social = new(social.Where(e => !e.Contains('/', StringComparison.Ordinal)));
    private readonly (string Host, string Path, string Entry, bool IsSocial)[] _paths =
        [.. PathEntries(social, true), .. PathEntries(general, false)];

    /// <summary>The listed shortener <paramref name="host"/> (with <paramref name="path"/>, for entries that name
    /// one) belongs to and whether it is a social wrapper; null when none.</summary>
    public (string Shortener, bool IsSocial)? Match(string? host, string? path = null)
    {
        if (host is not null && path is not null)
        {
            foreach (var (pathHost, prefix, entry, isSocial) in _paths)
            {
                if (host.Equals(pathHost, StringComparison.Ordinal) && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    return (entry, isSocial);
            }
        }
        return _social.Match(host) is { } social ? (social, true)
            : clickTrackers.Contains(host) ? null
            : _general.Match(host) is { } shortener ? (shortener, false)
            : null;
    }

    private static IEnumerable<(string, string, string, bool)> PathEntries(IEnumerable<string> entries, bool isSocial) =>
        entries.Where(e => e.IndexOf('/', StringComparison.Ordinal) > 0)
            .Select(e => (e[..e.IndexOf('/', StringComparison.Ordinal)], e[e.IndexOf('/', StringComparison.Ordinal)..], e, isSocial));
}
