using System.Text.RegularExpressions;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds URLs written as plain text: <c>http(s)://</c> and <c>ftp://</c> URLs and bare <c>www.</c> hosts,
/// as mail clients auto-link them. Used for text bodies, text runs of HTML and PDF page text.
/// </summary>
/// <remarks>
/// Hand-written rather than a library because no maintained .NET linkifier is served here; the rules are the
/// ones mail clients apply: a URL runs to whitespace or a delimiter, and trailing sentence punctuation and
/// unbalanced closing brackets are not part of it ("see http://a.com/x)." yields "http://a.com/x").
/// </remarks>
public sealed partial class TextLinkExtractor
{
    // Candidate run: a scheme URL or a www. host, up to whitespace or a character that cannot appear unescaped
    // in a URL as people write them. Trailing punctuation is trimmed afterwards, in code, because a regex that
    // tries to do it backtracks badly on long runs.
    [GeneratedRegex("""(?:\b(?:https?|ftp)://|(?<![\w.@/-])www\.)[^\s<>"'`{}|\\^\u00A0\u2028\u2029]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    private const string TrailingPunctuation = ".,;:!?'\"*_~";

    /// <summary>Returns every URL in <paramref name="text"/> in order, with <see cref="LinkSource.Text"/>.</summary>
    public IReadOnlyList<FoundLink> Extract(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<FoundLink>();
        foreach (var match in Candidate().EnumerateMatches(text))
        {
            var url = TrimTrailing(text.AsSpan(match.Index, match.Length));
            if (LooksLikeUrl(url))
                found.Add(new FoundLink(url.ToString(), null, LinkSource.Text, origin));
        }
        return found;
    }

    // Internal so remediation finds a URL in text by exactly the rule that reported it.
    internal static ReadOnlySpan<char> TrimTrailing(ReadOnlySpan<char> url)
    {
        while (url.Length > 0)
        {
            var last = url[^1];
            if (TrailingPunctuation.Contains(last))
                url = url[..^1];
            else if (IsClosing(last, out var opening) && Count(url, last) > Count(url, opening))
                url = url[..^1];
            else
                break;
        }
        return url;
    }

    private static bool IsClosing(char c, out char opening)
    {
        opening = c switch { ')' => '(', ']' => '[', '}' => '{', '>' => '<', _ => '\0' };
        return opening != '\0';
    }

    private static int Count(ReadOnlySpan<char> s, char c)
    {
        var n = 0;
        foreach (var ch in s)
            if (ch == c) n++;
        return n;
    }

    // "http://" alone, or "www." with nothing after, is not a link. Trimming may have cut into the "www." itself
    // ("www.." leaves "www"), so its length is not a given.
    private static bool LooksLikeUrl(ReadOnlySpan<char> url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var host = schemeEnd >= 0 ? url[(schemeEnd + 3)..] : url.Length > 4 ? url[4..] : ReadOnlySpan<char>.Empty;
        return host.Length > 0 && host[0] != '/' && (schemeEnd >= 0 || host.Contains('.'));
    }
}
