using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Replaces offending URLs in raw HTML without re-serialising it: only the characters of each occurrence change.
/// </summary>
/// <remarks>
/// <para>The document is read by <see cref="HtmlScanner"/>, the tokenizer the extractor reads it with, which gives
/// every token its extent in the source and every attribute its decoded value and the extent of its value as
/// written. So a link attribute (href, src, action, ...) is matched on its decoded value exactly as the extractor
/// read it, however it was escaped (&amp;amp;, &amp;#38;, &amp;#x26;, a bare &amp;), and relative values are
/// resolved against &lt;base href&gt; as the extractor resolves them; its whole raw value, between the quotes, is
/// then replaced by the escaped replacement.</para>
/// <para>Text runs, script text and other attribute values (title, alt, meta refresh content, onclick) have no
/// per-character positions after entity decoding, so there the URL is found as written and in its escaped
/// spellings, bounded by the text extractor's rules (<see cref="TextUrlOccurrences"/>).</para>
/// <para>Comments are left alone: nothing in them is shown or followed.</para>
/// </remarks>
internal static class HtmlUrlRewriter
{
    // The attributes whose whole value is a URL the extractor reports (HtmlLinkExtractor.Visit).
    private static readonly HashSet<string> LinkAttributes =
        new(["href", "xlink:href", "src", "action", "formaction", "background"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The rewritten HTML, or null when no occurrence was found.</summary>
    public static string? Rewrite(string html, IReadOnlyList<UrlTarget> targets)
    {
        var tokens = Tokenize(html);
        var baseUri = BaseUri(tokens);
        var edits = new TextEdits();

        // Link attributes first: they are exact, and a text match must not overlap them.
        foreach (var token in tokens)
        {
            if (token.Attributes is not { } attributes)
                continue;
            foreach (var attribute in attributes)
            {
                if (!LinkAttributes.Contains(attribute.Name))
                    continue;
                foreach (var target in targets)
                {
                    if (!Matches(attribute.Value, target.Url, baseUri))
                        continue;
                    if (!edits.Overlaps(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart))
                        edits.Add(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart, Escape(target.Replacement));
                    break;
                }
            }
        }

        foreach (var target in targets)
        {
            var forms = WrittenForms(target.Url);
            var replacement = Escape(target.Replacement);
            foreach (var token in tokens)
            {
                if (token.Attributes is { } attributes)
                {
                    foreach (var attribute in attributes)
                        if (!LinkAttributes.Contains(attribute.Name))
                            TextUrlOccurrences.Find(html, attribute.ValueStart, attribute.ValueEnd, target.Url, forms, html: true,
                                replacement, edits);
                }
                else
                {
                    TextUrlOccurrences.Find(html, token.Start, token.End, target.Url, forms, html: true, replacement, edits);
                }
            }
        }
        return edits.Apply(html);
    }

    /// <summary>A text run (no attributes) or a start tag (its valued attributes) with its extent in the source.</summary>
    private readonly record struct SourceToken(
        int Start, int End, string? TagName, List<(string Name, string Value, int ValueStart, int ValueEnd)>? Attributes);

    // Text runs and start tags; end tags carry nothing to rewrite, and comments are left alone.
    private static List<SourceToken> Tokenize(string html)
    {
        var tokens = new List<SourceToken>();
        var scanner = new HtmlScanner(html.AsMemory());
        while (scanner.Read() is var kind && kind != HtmlScanner.Kind.EndOfFile)
        {
            if (kind == HtmlScanner.Kind.Text)
                tokens.Add(new SourceToken(scanner.Start, scanner.End, null, null));
            else if (kind == HtmlScanner.Kind.StartTag)
                tokens.Add(new SourceToken(scanner.Start, scanner.End, scanner.Name.ToString(), scanner.ValuedAttributes()));
        }
        return tokens;
    }

    // As HtmlLinkExtractor: the first <base> with an href sets the base, and only an absolute http(s) one is used.
    private static Uri? BaseUri(List<SourceToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.TagName != "base" || HrefRules.Trim(token.Attributes!.FirstOrDefault(a => a.Name == "href").Value) is not { } href)
                continue;
            return HrefRules.AbsoluteBase(href);
        }
        return null;
    }

    private static bool Matches(string value, string url, Uri? baseUri)
    {
        var trimmed = HrefRules.Trim(value);
        if (trimmed is null)
            return false;
        if (trimmed == url)
            return true;
        // The extractor reports data: URLs cut to a length; the attribute holds the whole of it.
        if (url.Length == HrefRules.MaxDataUrlChars && trimmed.Length > url.Length && trimmed.StartsWith(url, StringComparison.Ordinal) &&
            string.Equals(HrefRules.Scheme(url), "data", StringComparison.OrdinalIgnoreCase))
            return true;
        return baseUri is not null && HrefRules.Scheme(trimmed) is null &&
               Uri.TryCreate(baseUri, trimmed, out var resolved) && resolved.AbsoluteUri == url;
    }

    /// <summary>The URL as written in text and its usual HTML-escaped spellings (every special character escaped the
    /// same way, which is how editors and mail clients write them).</summary>
    private static List<string> WrittenForms(string url)
    {
        var forms = new List<string> { url };
        void AddForm(string amp, string lt, string gt, string quot, string apos)
        {
            var form = url.Replace("&", amp).Replace("<", lt).Replace(">", gt).Replace("\"", quot).Replace("'", apos);
            if (!forms.Contains(form))
                forms.Add(form);
        }
        AddForm("&amp;", "&lt;", "&gt;", "&quot;", "&#39;");
        AddForm("&amp;", "&lt;", "&gt;", "&quot;", "&apos;");
        AddForm("&#38;", "&#60;", "&#62;", "&#34;", "&#39;");
        AddForm("&#x26;", "&#x3C;", "&#x3E;", "&#x22;", "&#x27;");
        // Longest first, so an escaped spelling is replaced whole rather than matched by its prefix.
        return forms.OrderByDescending(f => f.Length).ToList();
    }

    /// <summary>Escapes a replacement URL for an attribute value (quoted or not) or a text run.</summary>
    internal static string Escape(string url) =>
        url.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("'", "&#39;").Replace("<", "&lt;").Replace(">", "&gt;");
}
