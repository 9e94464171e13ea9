using System.Text.RegularExpressions;

namespace M365Scanner.Core.Links;

/// <summary>
/// Web addresses written so no client turns them into links, the way analysts write them ("hxxps[:]//evil[.]example"):
/// for text that quotes what a hostile message said (a notice to its user, an alert to a SOC channel).
/// </summary>
public static partial class Defanged
{
    /// <summary>Every scheme's "://" and every "www." in <paramref name="text"/> broken; the rest as written.</summary>
    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Scheme().Replace(text, m => Http(m.Groups[1].Value) + "[:]//");
        return Www().Replace(text, m => m.Groups[1].Value + "[.]");
    }

    /// <summary>A URL with its scheme broken and every dot of its host bracketed, so not even a bare domain links.</summary>
    public static string Url(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var start = url.IndexOf("://", StringComparison.Ordinal) is var s and >= 0 ? s + 3 : 0;
        var end = url.IndexOfAny(['/', '?', '#'], start) is var e and >= 0 ? e : url.Length;
        return Text(url[..start]) + url[start..end].Replace(".", "[.]", StringComparison.Ordinal) + Text(url[end..]);
    }

    // "http" becomes "hxxp", as analysts write it; any other scheme keeps its name and loses only its "://".
    private static string Http(string scheme) =>
        scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? scheme[0] + "xx" + scheme[3..] : scheme;

    [GeneratedRegex(@"\b([a-zA-Z][a-zA-Z0-9+.-]*):\s*//")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\b(www)\.", RegexOptions.IgnoreCase)]
    private static partial Regex Www();
}
