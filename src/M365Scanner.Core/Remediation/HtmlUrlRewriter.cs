using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Replaces offending URLs in raw HTML without re-serialising it: only the characters of each occurrence change.
/// </summary>
/// <remarks>
/// <para>AngleSharp's tokenizer (the same HTML5 tokenizer the extractor's parser runs on) gives every token and
/// every attribute the source position where it starts, and the decoded attribute value. So a link attribute
/// (href, src, action, ...) is matched on its decoded value exactly as the extractor read it, however it was
/// escaped (&amp;amp;, &amp;#38;, &amp;#x26;, a bare &amp;), and relative values are resolved against
/// &lt;base href&gt; as the extractor resolves them; its whole raw value, between the quotes, is then replaced by the
/// escaped replacement. The raw value's extent is re-read from the attribute's start, which is cheap because
/// attribute syntax after a name is fixed (optional spaces, '=', optional spaces, a quoted or unquoted value).</para>
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

    private static readonly HashSet<string> RawTextElements =
        new(["style", "xmp", "iframe", "noembed", "noframes"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> RcDataElements = new(["title", "textarea"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The rewritten HTML, or null when no occurrence was found.</summary>
    public static string? Rewrite(string html, IReadOnlyList<UrlTarget> targets)
    {
        var tokens = Tokenize(html);
        var baseUri = BaseUri(tokens);
        var edits = new TextEdits();

        // Link attributes first: they are exact, and a text match must not overlap them.
        foreach (var token in tokens)
        {
            if (token.Tag is not { } tag)
                continue;
            foreach (var attribute in tag.Attributes)
            {
                if (!LinkAttributes.Contains(attribute.Name) || ValueSpan(html, attribute, token.End) is not { } span)
                    continue;
                foreach (var target in targets)
                {
                    if (!Matches(attribute.Value, target.Url, baseUri))
                        continue;
                    if (!edits.Overlaps(span.Start, span.Length))
                        edits.Add(span.Start, span.Length, Escape(target.Replacement));
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
                if (token.Tag is { } tag)
                {
                    foreach (var attribute in tag.Attributes)
                        if (!LinkAttributes.Contains(attribute.Name) && ValueSpan(html, attribute, token.End) is { } span)
                            TextUrlOccurrences.Find(html, span.Start, span.Start + span.Length, target.Url, forms, html: true,
                                replacement, edits);
                }
                else if (token.IsText)
                {
                    TextUrlOccurrences.Find(html, token.Start, token.End, target.Url, forms, html: true, replacement, edits);
                }
            }
        }
        return edits.Apply(html);
    }

    /// <summary>One token with the extent of its source: from its position to the next token's.</summary>
    private readonly record struct SourceToken(int Start, int End, HtmlTagToken? Tag, bool IsText);

    private static List<SourceToken> Tokenize(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var starts = new List<(int Start, HtmlTagToken? Tag, bool IsText)>();
        while (true)
        {
            var token = tokenizer.Get();
            if (token.Type == HtmlTokenType.EndOfFile)
                break;
            // TextPosition.Position counts from 1.
            var start = Math.Clamp(token.Position.Position - 1, 0, html.Length);
            var tag = token.Type == HtmlTokenType.StartTag ? token as HtmlTagToken : null;
            starts.Add((start, tag, token.Type == HtmlTokenType.Character));
            if (tag is not null)
                SwitchState(tokenizer, tag);
        }

        var tokens = new List<SourceToken>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? Math.Max(starts[i].Start, starts[i + 1].Start) : html.Length;
            tokens.Add(new SourceToken(starts[i].Start, end, starts[i].Tag, starts[i].IsText));
        }
        return tokens;
    }

    // The tree builder normally tells the tokenizer that script and style contents are text, not markup; without it
    // a "<a href" inside a script string would be read as a tag.
    private static void SwitchState(HtmlTokenizer tokenizer, HtmlTagToken tag)
    {
        if (tag.IsSelfClosing)
            return;
        if (tag.Name.Equals("script", StringComparison.OrdinalIgnoreCase))
            tokenizer.State = HtmlParseMode.Script;
        else if (RawTextElements.Contains(tag.Name))
            tokenizer.State = HtmlParseMode.Rawtext;
        else if (RcDataElements.Contains(tag.Name))
            tokenizer.State = HtmlParseMode.RCData;
        else if (tag.Name.Equals("plaintext", StringComparison.OrdinalIgnoreCase))
            tokenizer.State = HtmlParseMode.Plaintext;
    }

    // As HtmlLinkExtractor: the first <base> with an href sets the base, and only an absolute http(s) one is used.
    private static Uri? BaseUri(List<SourceToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Tag is not { } tag || !tag.Name.Equals("base", StringComparison.OrdinalIgnoreCase))
                continue;
            if (HrefRules.Trim(tag.GetAttribute("href")) is not { } href)
                continue;
            return HrefRules.Scheme(href)?.ToLowerInvariant() is "http" or "https" &&
                   Uri.TryCreate(href, UriKind.Absolute, out var uri) ? uri : null;
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

    /// <summary>The raw extent of an attribute's value inside the quotes, or null for an attribute without one.</summary>
    private static (int Start, int Length)? ValueSpan(string html, HtmlAttributeToken attribute, int limit)
    {
        var i = attribute.Position.Position - 1;
        if (i < 0 || i >= limit)
            return null;
        limit = Math.Min(limit, html.Length);
        // The name ends at whitespace, '/', '>' or '='; a name may start with '=' (a parse error), hence i + 1.
        var j = i + 1;
        while (j < limit && !IsSpace(html[j]) && html[j] is not ('/' or '>' or '='))
            j++;
        while (j < limit && IsSpace(html[j]))
            j++;
        if (j >= limit || html[j] != '=')
            return null;
        j++;
        while (j < limit && IsSpace(html[j]))
            j++;
        if (j >= limit)
            return null;
        if (html[j] is '"' or '\'')
        {
            var close = html.IndexOf(html[j], j + 1, limit - j - 1);
            var end = close < 0 ? limit : close;
            return (j + 1, end - j - 1);
        }
        var stop = j;
        while (stop < limit && !IsSpace(html[stop]) && html[stop] != '>')
            stop++;
        return (j, stop - j);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

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
