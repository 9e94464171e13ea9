using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Attacks;

/// <summary>
/// Plants a URL in a real message the way a compromised account would: one sentence after the first paragraph
/// of the text body, and the same sentence as an anchor in the HTML body when there is one. Everything else
/// (sender, headers, thread, other links) is the real message's.
/// </summary>
public static partial class LinkInjection
{
    public const string Lead = "Please review the document here: ";

    public static EmailMessage Inject(EmailMessage message, string url)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var hasHtml = !string.IsNullOrEmpty(message.HtmlBody);
        return message with
        {
            // A message with neither body gets a text body; an HTML-only message keeps having no text body.
            TextBody = message.TextBody is not null || !hasHtml ? IntoText(message.TextBody ?? "", url) : null,
            HtmlBody = hasHtml ? IntoHtml(message.HtmlBody!, url) : message.HtmlBody,
        };
    }

    /// <summary>Inserts "Lead url" as its own paragraph after the first paragraph (the first blank line after some
    /// text), or at the end when the text has a single paragraph. The URL ends its line, so no punctuation can be
    /// read as part of it. Keeps the text's line-ending style.</summary>
    public static string IntoText(string text, string url)
    {
        ArgumentNullException.ThrowIfNull(text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var sentence = Lead + url;
        var match = ParagraphBreak().Match(text);
        while (match.Success && string.IsNullOrWhiteSpace(text[..match.Index]))
            match = match.NextMatch();
        if (!match.Success)
            return text.Length == 0 ? sentence + newline
                : text.TrimEnd() + newline + newline + sentence + newline;
        var at = match.Index + match.Length;
        return text[..at] + sentence + newline + newline + text[at..];
    }

    /// <summary>Inserts a paragraph with an anchor after the first &lt;/p&gt;, else right after &lt;body&gt;, else
    /// at the start. The URL is HTML-encoded in the attribute and the text, so it is read back exactly.</summary>
    public static string IntoHtml(string html, string url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var encoded = WebUtility.HtmlEncode(url);
        var paragraph = $"<p>{WebUtility.HtmlEncode(Lead)}<a href=\"{encoded}\">{encoded}</a></p>";
        var closeP = html.IndexOf("</p>", StringComparison.OrdinalIgnoreCase);
        if (closeP >= 0)
            return html.Insert(closeP + "</p>".Length, paragraph);
        var body = BodyOpen().Match(html);
        return body.Success ? html.Insert(body.Index + body.Length, paragraph) : paragraph + html;
    }

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n(?:[ \t]*\r?\n)*")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpen();
}
