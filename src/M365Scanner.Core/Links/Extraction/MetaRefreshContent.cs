namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Reads the URL out of a <c>&lt;meta http-equiv="refresh" content="..."&gt;</c> value the way browsers do
/// (HTML "shared declarative refresh steps"), because phishing pages rely on every variant browsers accept:
/// <c>0;url=x</c>, <c>0; URL = 'x'</c>, <c>0,url="x"</c>, <c>0 x</c>.
/// </summary>
internal static class MetaRefreshContent
{
    /// <summary>The URL the refresh navigates to, or null when the value only reloads the page or is invalid.</summary>
    public static string? Url(string? content)
    {
        if (content is null)
            return null;
        var s = content.AsSpan().TrimStart(Whitespace);

        // The delay: digits, optionally with a fraction. A browser ignores a value that does not start with one.
        var delay = 0;
        while (delay < s.Length && (char.IsAsciiDigit(s[delay]) || s[delay] == '.'))
            delay++;
        if (delay == 0)
            return null;
        s = s[delay..];

        // A separator must follow: whitespace, ';' or ','.
        if (s.IsEmpty)
            return null;
        if (s[0] is not (';' or ',') && !Whitespace.Contains(s[0]))
            return null;
        s = s.TrimStart(Whitespace);
        if (!s.IsEmpty && s[0] is ';' or ',')
            s = s[1..].TrimStart(Whitespace);

        // An optional "url =" label; without the '=' the letters belong to the URL itself.
        if (s.Length >= 3 && s[..3].Equals("url", StringComparison.OrdinalIgnoreCase))
        {
            var afterLabel = s[3..].TrimStart(Whitespace);
            if (!afterLabel.IsEmpty && afterLabel[0] == '=')
                s = afterLabel[1..].TrimStart(Whitespace);
        }

        // An optional quote; the URL ends at the matching one, if any.
        if (!s.IsEmpty && s[0] is '\'' or '"')
        {
            var quote = s[0];
            s = s[1..];
            var end = s.IndexOf(quote);
            if (end >= 0)
                s = s[..end];
        }

        s = s.Trim(Whitespace);
        return s.IsEmpty ? null : s.ToString();
    }

    // ASCII whitespace as HTML defines it.
    private static ReadOnlySpan<char> Whitespace => " \t\n\f\r";
}
