using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using M365Scanner.Core.Mail;
using MimeKit;
using MimeKit.Cryptography;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>
/// Plants a URL in a real list message the way a compromised poster's account would, in the MIME message itself:
/// the same sentence in the displayed text part and in the displayed HTML part, inside the author's own text (before
/// the quoted thread, the signature and the list footer), every header and the MIME tree left as they were. Only the
/// content of those two parts changes, re-encoded with their own charset and transfer encoding.
/// </summary>
public static partial class ListLinkInjection
{
    /// <summary>Plants <paramref name="url"/> into <paramref name="message"/> (changed in place).</summary>
    /// <returns>The parts written to: every displayed body part but the footer. Empty when one of them has none of
    /// the author's own text to write into (a bare forward, a quote alone): then nothing changed, since a link in
    /// one body and not the other is not what the account's owner would send.</returns>
    public static IReadOnlyList<TextPart> Inject(MimeMessage message, string url, Wording wording, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        ArgumentNullException.ThrowIfNull(wording);
        var (text, html) = WritableParts(message);
        var plan = new List<(TextPart Part, string Content)>();
        if (text is not null)
        {
            if (IntoText(text.Text, url, wording, placement) is not { } newText)
                return [];
            plan.Add((text, newText));
        }
        if (html is not null)
        {
            if (IntoHtml(html.Text, url, wording, placement) is not { } newHtml)
                return [];
            plan.Add((html, newHtml));
        }
        foreach (var (part, content) in plan)
            part.SetText(part.ContentType.CharsetEncoding ?? Encoding.UTF8, content);
        return [.. plan.Select(p => p.Part)];
    }

    /// <summary>The displayed text and HTML parts (the first inline ones, as the scanner picks them), leaving out a
    /// part that is the list's footer and anything under a signature (a changed body would not verify, which no
    /// compromised account produces).</summary>
    public static (TextPart? Text, TextPart? Html) WritableParts(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is MultipartSigned or MultipartEncrypted || message.BodyParts.Any(p => p.ContentType.MimeType.EndsWith("-signature", StringComparison.OrdinalIgnoreCase)))
            return (null, null);
        var (text, html) = MimeMessageMapper.DisplayedBodies(message);
        if (text is not null && IsFooterPart(text.Text))
            text = null;
        return (text, html);
    }

    /// <summary>A part that holds nothing but the list's footer (Mailman adds it as a part of its own).</summary>
    public static bool IsFooterPart(string content) => FooterStart(content) is 0;

    /// <summary>Where the list's footer begins in a text body (the last unquoted "____" line followed by "... mailing
    /// list"), relative to the first non-blank character; null when the text carries none.</summary>
    public static int? FooterStart(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var matches = Footer().Matches(content);
        if (matches.Count == 0)
            return null;
        var at = matches[^1].Index;
        return content[..at].Trim().Length == 0 ? 0 : at;
    }

    /// <returns>The text with the sentence, or null when the text has none of the author's own words.</returns>
    public static string? IntoText(string text, string url, Wording wording, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nl = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (OwnText(text) is not var (ownStart, ownEnd))
            return null;
        var own = text[ownStart..ownEnd];
        int at; // an offset in own text where a line begins
        switch (placement)
        {
            case Placement.AfterGreeting:
                var firstLine = own.IndexOf('\n');
                at = firstLine < 0 ? own.Length : SkipBlankLines(own, firstLine + 1);
                break;
            case Placement.AfterFirstParagraph:
                var breakMatch = ParagraphBreak().Match(own);
                at = breakMatch.Success ? breakMatch.Index + breakMatch.Length : own.Length;
                break;
            default:
                at = own.Length;
                break;
        }
        var sentence = wording.Lead + url + wording.Tail;
        var insert = at == own.Length
            ? nl + nl + sentence + (ownEnd < text.Length ? nl : "")
            : (at > 0 && own[..at].EndsWith(nl + nl, StringComparison.Ordinal) ? "" : nl) + sentence + nl + nl;
        var position = ownStart + at;
        return text[..position] + insert + text[position..];
    }

    /// <returns>The HTML with the sentence as a paragraph, or null when the body is empty.</returns>
    public static string? IntoHtml(string html, string url, Wording wording, Placement placement)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (OwnHtml(html) is not var (start, end))
            return null;
        int at;
        switch (placement)
        {
            case Placement.AfterGreeting:
                at = start;
                var first = BlockEnd().Match(html, start);
                if (first.Success && first.Index + first.Length <= end)
                    at = first.Index + first.Length;
                break;
            case Placement.AfterFirstParagraph:
                var para = ParagraphEnd().Match(html, start);
                at = para.Success && para.Index + para.Length <= end ? para.Index + para.Length : end;
                break;
            default:
                at = end;
                break;
        }
        var href = WebUtility.HtmlEncode(url);
        var shown = WebUtility.HtmlEncode(wording.AnchorText ?? url);
        var paragraph = $"<p>{WebUtility.HtmlEncode(wording.Lead)}<a href=\"{href}\">{shown}</a>{WebUtility.HtmlEncode(wording.Tail)}</p>";
        return html.Insert(at, paragraph);
    }

    // The start of the next line with text on it, from a line start.
    private static int SkipBlankLines(string text, int at)
    {
        while (at < text.Length)
        {
            var next = text.IndexOf('\n', at);
            if (next < 0 || text[at..next].Trim().Length > 0)
                return at;
            at = next + 1;
        }
        return at;
    }

    /// <summary>The author's own words in a text body: the first stretch of unquoted text with words in it (above
    /// the quoted thread in a reply written on top, below a quote in one written underneath or in between), cut
    /// before the next quote, reply header, signature or the footer. Null when the text has none (a bare forward, a
    /// footer alone).</summary>
    public static (int Start, int End)? OwnText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var limit = FooterStart(text) ?? text.Length;
        var starts = new List<int> { 0 };
        starts.AddRange(QuotedRun().Matches(text[..limit]).Select(m => m.Index + m.Length));
        foreach (var from in starts)
        {
            var start = from;
            while (start < limit && char.IsWhiteSpace(text[start]))
                start++;
            var end = OwnTextEnd(text, start, limit);
            if (HasWords(text, start, end))
                return Trimmed(text, start, end);
        }
        return null;
    }

    /// <summary>The author's own words in an HTML body, the same way: the first stretch outside any blockquote
    /// (and before a reply header, signature or the end of the body) with text in it.</summary>
    public static (int Start, int End)? OwnHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = BodyOpen().Match(html);
        var starts = new List<int> { body.Success ? body.Index + body.Length : 0 };
        var depth = 0;
        foreach (Match tag in BlockquoteTag().Matches(html))
        {
            depth = Math.Max(0, depth + (tag.Value.StartsWith("</", StringComparison.Ordinal) ? -1 : 1));
            if (depth == 0 && tag.Value.StartsWith("</", StringComparison.Ordinal))
                starts.Add(tag.Index + tag.Length);
        }
        foreach (var start in starts.Where(s => s >= starts[0]))
        {
            var quote = QuoteStart().Match(html, start);
            var end = quote.Success ? quote.Index : html.Length;
            if (HasText(html, start, end))
                return (start, end);
        }
        return null;
    }

    private static (int, int) Trimmed(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return (start, end);
    }

    private static bool HasWords(string text, int start, int end) => end > start && text[start..end].Trim().Length > 0;

    private static bool HasText(string html, int start, int end) =>
        end > start && WebUtility.HtmlDecode(Tags().Replace(html[start..end], "")).Trim().Length > 0;

    // Where the author's own text stops: the first quoted line, reply header, separator or signature delimiter.
    private static int OwnTextEnd(string text, int start, int limit)
    {
        var match = QuotedThread().Match(text, start);
        return match.Success && match.Index < limit ? match.Index : limit;
    }

    [GeneratedRegex(@"^_{20,}[ \t]*\r?\n[^\r\n]*mailing list", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^(?:>|On [^\r\n]{0,200}(?:\r?\n[^\r\n]{0,120})?wrote:|-{2,}\s*Original Message|_{10,}|From:\s|Sent from my |-- ?\r?$)",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex QuotedThread();

    [GeneratedRegex(@"(?:^>[^\n]*(?:\n|$))+", RegexOptions.Multiline)]
    private static partial Regex QuotedRun();

    [GeneratedRegex(@"<blockquote\b[^>]*>|</blockquote\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockquoteTag();

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpen();

    [GeneratedRegex(@"<div[^>]*\b(?:class=""?(?:gmail_quote|moz-cite-prefix)|id=""?(?:appendonsend|divRplyFwdMsg|Signature))|<blockquote\b|<hr\b|<(?:div|pre)[^>]*class=""?moz-signature|<div[^>]*style=""?border:none;\s*border-top:solid|</body>",
        RegexOptions.IgnoreCase)]
    private static partial Regex QuoteStart();

    [GeneratedRegex(@"</p>|</div>|<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"</p>|</div>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();
}
