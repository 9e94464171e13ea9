using System.Globalization;
using System.Text;

namespace M365Scanner.Core.Links.Normalization;

/// <summary>
/// Parses a URL as written in a message and returns its normal form, reading it the way a browser would when the
/// reader clicks it: so the host we judge is the host the browser would contact.
/// </summary>
/// <remarks>
/// Hand-written rather than <see cref="Uri"/>: Uri silently decodes escapes such as "%41" in the path (which would
/// change what a rewrite must match) and is stricter than browsers in places phishers exploit. Behaviour that may
/// surprise:
/// <list type="bullet">
/// <item>Tabs and newlines anywhere, and leading/trailing controls and spaces, are removed first, as browsers do
/// ("java\tscript:" is javascript:).</item>
/// <item>"www.example.com/x" and "//example.com/x" (no scheme) are taken as http.</item>
/// <item>"http:example.com", "http:/example.com" and backslashes ("http:\\example.com\x") are read as browsers
/// read them: "http://example.com/x".</item>
/// <item>IPv4 hosts in decimal, octal or hex ("http://3232235777/") become dotted quads.</item>
/// <item>The host after the last '@' of the authority is the host: "http://paypal.com@evil.com/" is evil.com.</item>
/// </list>
/// </remarks>
public static class UrlNormalizer
{
    /// <summary>Returns the normal form of <paramref name="url"/>, or null when it is not a link a reader could
    /// follow: relative URLs, fragments ("#top"), schemes other than http, https, ftp, data and javascript
    /// (mailto:, tel:, cid:, about:, ...), and URLs whose host or port no browser would accept.</summary>
    /// <remarks>Never throws: any string, including null, garbage or megabytes, yields a result or null.</remarks>
    public static NormalizedUrl? Normalize(string? url)
    {
        if (url is null)
            return null;
        var cleaned = Clean(url);
        if (cleaned.Length == 0)
            return null;

        if (cleaned.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            return ParseWeb("http", "//" + cleaned);
        if (cleaned.StartsWith("//", StringComparison.Ordinal) || cleaned.StartsWith(@"\\", StringComparison.Ordinal))
            return ParseWeb("http", cleaned);

        var colon = SchemeLength(cleaned);
        if (colon <= 0)
            return null; // relative URL or fragment: there is no base to resolve it against in a message
        var scheme = cleaned[..colon].ToLowerInvariant();
        var rest = cleaned[(colon + 1)..];
        return scheme switch
        {
            "http" or "https" or "ftp" => ParseWeb(scheme, rest),
            "javascript" => Opaque(scheme, rest, LinkKind.JavaScript),
            "data" => Opaque(scheme, rest, LinkKind.Data),
            _ => null,
        };
    }

    /// <summary>The port a scheme uses when none is written; null for schemes without one.</summary>
    public static int? DefaultPort(string scheme) => scheme switch
    {
        "http" => 80,
        "https" => 443,
        "ftp" => 21,
        _ => null,
    };

    // WHATWG: strip leading and trailing C0 controls and spaces, remove every tab, LF and CR.
    private static string Clean(string url)
    {
        var span = url.AsSpan().Trim(ControlsAndSpace);
        if (span.IndexOfAny('\t', '\n', '\r') < 0)
            return span.ToString();
        var builder = new StringBuilder(span.Length);
        foreach (var c in span)
        {
            if (c is not ('\t' or '\n' or '\r'))
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static readonly string ControlsAndSpace =
        new(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray());

    // Length of a valid scheme before the first ':' (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )), or -1.
    private static int SchemeLength(string url)
    {
        if (url.Length == 0 || !char.IsAsciiLetter(url[0]))
            return -1;
        for (var i = 1; i < url.Length; i++)
        {
            var c = url[i];
            if (c == ':')
                return i;
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
                return -1;
        }
        return -1;
    }

    private static NormalizedUrl Opaque(string scheme, string rest, LinkKind kind) => new()
    {
        Target = scheme + ":" + rest,
        Kind = kind,
        Scheme = scheme,
    };

    private static NormalizedUrl? ParseWeb(string scheme, string rest)
    {
        // Special schemes ignore any run of slashes or backslashes before the authority.
        var span = rest.AsSpan().TrimStart(@"/\");
        var authorityEnd = span.IndexOfAny(@"/\?#");
        var authority = authorityEnd < 0 ? span : span[..authorityEnd];
        var remainder = authorityEnd < 0 ? ReadOnlySpan<char>.Empty : span[authorityEnd..];

        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = PercentEncoding.EncodeUnsafe(authority[..at]);
            authority = authority[(at + 1)..];
        }

        if (!TrySplitPort(authority, out var hostText, out var portText))
            return null;
        if (HostNormalizer.Normalize(hostText) is not { } host)
            return null;
        if (!TryParsePort(portText, out var port))
            return null;
        if (port == DefaultPort(scheme))
            port = null;

        SplitRemainder(remainder, out var path, out var query, out var fragment);

        var target = new StringBuilder(scheme.Length + rest.Length + 8);
        target.Append(scheme).Append("://");
        if (!string.IsNullOrEmpty(userInfo))
            target.Append(userInfo).Append('@');
        target.Append(host.Ascii);
        if (port is not null)
            target.Append(':').Append(port.Value.ToString(CultureInfo.InvariantCulture));
        target.Append(path);
        if (query is not null)
            target.Append('?').Append(query);
        if (fragment is not null)
            target.Append('#').Append(fragment);

        return new NormalizedUrl
        {
            Target = target.ToString(),
            Kind = LinkKind.Web,
            Scheme = scheme,
            Host = host.Ascii,
            UnicodeHost = host.Unicode,
            Port = port,
            IsIpHost = host.IsIp,
            UserInfo = string.IsNullOrEmpty(userInfo) ? null : userInfo,
            Path = path,
            Query = query,
            Fragment = fragment,
        };
    }

    private static bool TrySplitPort(ReadOnlySpan<char> authority, out ReadOnlySpan<char> host, out ReadOnlySpan<char> port)
    {
        host = authority;
        port = ReadOnlySpan<char>.Empty;
        int colon;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
                return false;
            if (close == authority.Length - 1)
                return true;
            if (authority[close + 1] != ':')
                return false;
            colon = close + 1;
        }
        else
        {
            colon = authority.LastIndexOf(':');
            if (colon < 0)
                return true;
        }
        host = authority[..colon];
        port = authority[(colon + 1)..];
        return true;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out int? port)
    {
        port = null;
        if (text.IsEmpty)
            return true; // "http://example.com:/" means the default port
        if (text.ContainsAnyExceptInRange('0', '9'))
            return false;
        text = text.TrimStart('0');
        if (text.IsEmpty)
        {
            port = 0;
            return true;
        }
        if (text.Length > 5 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value > 65535)
            return false;
        port = value;
        return true;
    }

    private static void SplitRemainder(ReadOnlySpan<char> remainder, out string path, out string? query, out string? fragment)
    {
        query = null;
        fragment = null;
        var hash = remainder.IndexOf('#');
        if (hash >= 0)
        {
            fragment = PercentEncoding.EncodeUnsafe(remainder[(hash + 1)..]);
            remainder = remainder[..hash];
        }
        var question = remainder.IndexOf('?');
        if (question >= 0)
        {
            query = PercentEncoding.EncodeUnsafe(remainder[(question + 1)..]);
            remainder = remainder[..question];
        }
        // In the path of http(s)/ftp URLs, browsers treat '\' as '/'.
        path = remainder.IsEmpty ? "/" : PercentEncoding.EncodeUnsafe(remainder.ToString().Replace('\\', '/'));
    }
}
