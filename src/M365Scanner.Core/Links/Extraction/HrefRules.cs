namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// The rules every markup extractor (HTML, Office) applies to a link target before reporting it, so that the
/// same href is kept or dropped the same way wherever it was written.
/// </summary>
internal static class HrefRules
{
    /// <summary>data: URLs longer than this are cut to it (with a note). A data: URL is reported so the resolver
    /// can classify it, and its first bytes (media type, start of the payload) are what scoring looks at; a
    /// multi-megabyte payload carried through resolution, verdicts, logs and storage helps nobody.</summary>
    public const int MaxDataUrlChars = 2048;

    // Schemes that do not lead to a page a reader lands on: mail and phone actions, and parts of this message.
    private static readonly string[] IgnoredSchemes = ["mailto", "cid", "tel"];

    /// <summary>Trims what a browser trims from an href before parsing it: leading and trailing C0 controls and
    /// spaces (WHATWG URL). Returns null when nothing is left.</summary>
    public static string? Trim(string? raw)
    {
        if (raw is null)
            return null;
        var trimmed = raw.AsSpan().Trim(C0ControlOrSpace);
        return trimmed.IsEmpty ? null : trimmed.Length == raw.Length ? raw : trimmed.ToString();
    }

    private static ReadOnlySpan<char> C0ControlOrSpace =>
        "\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F ";

    /// <summary>True for targets that are not links to report: pure fragments ("#top") and the
    /// mailto:, cid: and tel: schemes. Expects a trimmed, non-empty value.</summary>
    public static bool IsIgnored(string url) =>
        url[0] == '#' || Scheme(url) is { } scheme && IgnoredSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    /// <summary>The scheme as a browser reads it, or null when the value is relative. Browsers drop ASCII tab and
    /// newline anywhere in a URL, so "java&#10;script:" is a javascript: URL and is read as one here too.</summary>
    public static string? Scheme(string url)
    {
        Span<char> scheme = stackalloc char[64]; // registered schemes are far shorter
        var length = 0;
        foreach (var c in url)
        {
            if (c is '\t' or '\n' or '\r')
                continue;
            if (c == ':')
                return length > 0 ? new string(scheme[..length]) : null;
            var valid = char.IsAsciiLetter(c) || length > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.');
            if (!valid || length == scheme.Length)
                return null;
            scheme[length++] = c;
        }
        return null;
    }

    /// <summary>Cuts a data: URL to <see cref="MaxDataUrlChars"/> and notes it; other URLs pass unchanged.</summary>
    public static string CapDataUrl(string url, string origin, ICollection<string> notes)
    {
        if (url.Length <= MaxDataUrlChars || !string.Equals(Scheme(url), "data", StringComparison.OrdinalIgnoreCase))
            return url;
        notes.Add($"data: URL shortened for scanning: {NoteName(origin)}: {url.Length} chars, kept {MaxDataUrlChars}");
        return url[..MaxDataUrlChars];
    }

    /// <summary>How a note names the document: the file name for attachments ("invoice.pdf", like the PDF
    /// extractor's notes), the origin itself otherwise ("body").</summary>
    public static string NoteName(string origin)
    {
        const string prefix = "attachment:";
        return origin.StartsWith(prefix, StringComparison.Ordinal) ? origin[prefix.Length..] : origin;
    }

    /// <summary>The base URL a document's first <c>&lt;base href&gt;</c> sets, when it is an absolute http(s) URL;
    /// null otherwise (relative links are then kept as written). The extractor and the rewriter resolve alike.</summary>
    public static Uri? AbsoluteBase(string? href) =>
        href is not null && Scheme(href)?.ToLowerInvariant() is "http" or "https" &&
        Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null;
}
