using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Builds the parts of a message copy in which only the offending URLs point elsewhere (the blocked-link page):
/// HTML and text bodies, HTML and text attachments, and the URI actions of PDF attachments. Every other byte is
/// kept: HTML is never re-serialised, and a PDF gets an incremental update appended to its original bytes.
/// </summary>
/// <remarks>
/// <para>Each container is checked after its rewrite by extracting its links again with the same extractors the
/// scan used: an offending URL that is still found is reported in <see cref="RewriteResult.NotRewritten"/>, so the
/// result never claims a neutralisation it did not achieve.</para>
/// <para>Not rewritten (reported, never silently skipped): URLs written in PDF page text, links in encrypted or
/// damaged PDFs, links inside attached messages (.eml), links in Office documents, and anything still found after
/// the rewrite.</para>
/// <para>Pure: no I/O and no clock (the check runs the PDF extractor without its wall-clock budget).
/// Thread-safe.</para>
/// </remarks>
public sealed class LinkRewriter
{
    private readonly HtmlLinkExtractor _html;
    private readonly TextLinkExtractor _text = new();
    private readonly IPdfLinkReader _pdf;

    public LinkRewriter() : this(ExtractionLimits.Default)
    {
    }

    /// <param name="limits">The limits the scan used, so the check reads each container as the scan did.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public LinkRewriter(ExtractionLimits limits) : this(limits, null)
    {
    }

    /// <param name="limits">The limits the scan used, so the check reads each container as the scan did.</param>
    /// <param name="pdf">Where the rewritten PDFs are read back: the scan's reader (in this process by default).</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public LinkRewriter(ExtractionLimits limits, IPdfLinkReader? pdf)
    {
        ArgumentNullException.ThrowIfNull(limits);
        // The check must finish: a copy half-checked because a budget ran out would have to be quarantined anyway.
        // (HTML extraction is linear and has no budget; PDF parsing does.)
        _html = new HtmlLinkExtractor(limits);
        _pdf = pdf ?? new PdfLinkExtractor(limits with { PdfTimeBudget = Timeout.InfiniteTimeSpan });
    }

    /// <summary>Rewrites every occurrence of each offending link's <see cref="Link.Url"/> in the container its
    /// <see cref="Link.Origin"/> names to <paramref name="replacementUrl"/>(link).</summary>
    /// <remarks>
    /// The caller replaces the message with a copy built from the result (bodies and attachments that are null or
    /// not listed keep their original content) only when <see cref="RewriteResult.NotRewritten"/> is empty; when it
    /// is not, the copy would still carry a link judged malicious, and the caller must escalate to quarantine.
    /// A body link (origin "body") is rewritten in both the HTML and the text body.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="replacementUrl"/> returned a null or empty URL.</exception>
    public RewriteResult Rewrite(EmailMessage message, IReadOnlyList<Link> offending, Func<Link, string> replacementUrl)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(offending);
        ArgumentNullException.ThrowIfNull(replacementUrl);

        var replacements = new Dictionary<Link, string>();
        foreach (var link in offending)
        {
            var replacement = replacementUrl(link);
            if (string.IsNullOrEmpty(replacement))
                throw new ArgumentException($"no replacement URL for {link.Url}", nameof(replacementUrl));
            replacements[link] = replacement;
        }

        var notRewritten = new List<NotRewrittenLink>();
        var placed = new HashSet<Link>();

        var bodyLinks = offending.Where(l => l.Origin == LinkOrigin.Body).ToList();
        placed.UnionWith(bodyLinks);
        var (html, text) = RewriteBody(message, bodyLinks, replacements, notRewritten);

        var attachments = new List<RewrittenAttachment>();
        for (var index = 0; index < message.Attachments.Count; index++)
        {
            var attachment = message.Attachments[index];
            var origin = LinkOrigin.Attachment(attachment.FileName);
            var links = offending.Where(l => l.Origin == origin || l.Origin.StartsWith(origin + "/", StringComparison.Ordinal)).ToList();
            if (links.Count == 0)
                continue;
            placed.UnionWith(links);
            if (RewriteAttachment(attachment, origin, links, replacements, notRewritten) is { } content)
                attachments.Add(new RewrittenAttachment(index, attachment.FileName, content));
        }

        foreach (var link in offending.Where(l => !placed.Contains(l)))
            notRewritten.Add(new(link, NotRewrittenReason.ContainerNotFound, $"no body or attachment for origin \"{link.Origin}\""));

        return new RewriteResult(html, text, attachments, notRewritten.Distinct().ToList());
    }

    private (string? Html, string? Text) RewriteBody(EmailMessage message, List<Link> links, Dictionary<Link, string> replacements,
        List<NotRewrittenLink> notRewritten)
    {
        if (links.Count == 0)
            return (null, null);
        var targets = Targets(links, replacements);
        var html = string.IsNullOrEmpty(message.HtmlBody) ? null : HtmlUrlRewriter.Rewrite(message.HtmlBody, targets);
        var text = string.IsNullOrEmpty(message.TextBody) ? null : RewritePlainText(message.TextBody, targets);

        var remaining = new HashSet<string>(StringComparer.Ordinal);
        var notes = new List<string>();
        if ((html ?? message.HtmlBody) is { Length: > 0 } finalHtml)
            remaining.UnionWith(_html.Extract(finalHtml, LinkOrigin.Body, notes).Select(l => l.Url));
        if ((text ?? message.TextBody) is { Length: > 0 } finalText)
            remaining.UnionWith(_text.Extract(finalText, LinkOrigin.Body).Select(l => l.Url));
        foreach (var link in links.Where(l => remaining.Contains(l.Url)))
            notRewritten.Add(new(link, NotRewrittenReason.StillPresent, "the URL is still in the message body after the rewrite"));
        return (html, text);
    }

    private ReadOnlyMemory<byte>? RewriteAttachment(EmailAttachment attachment, string origin, List<Link> links,
        Dictionary<Link, string> replacements, List<NotRewrittenLink> notRewritten)
    {
        var name = attachment.FileName;
        if (!attachment.HasContent)
        {
            notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, NotRewrittenReason.ContentNotAvailable,
                $"the content of {name} was not fetched")));
            return null;
        }
        switch (AttachmentClassifier.Classify(attachment))
        {
            case AttachmentKind.Pdf:
                return RewritePdf(attachment.Content, origin, name, links, replacements, notRewritten);
            case AttachmentKind.Html:
            case AttachmentKind.Text:
                return RewriteTextAttachment(attachment, origin, links, replacements, notRewritten);
            case AttachmentKind.Message:
                notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, NotRewrittenReason.InsideAttachedMessage,
                    $"the link is inside the attached message {name}, which is not rewritten")));
                return null;
            case AttachmentKind.Office:
                notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, NotRewrittenReason.OfficeDocument,
                    $"Office documents are not rewritten yet: {name}")));
                return null;
            default:
                notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, NotRewrittenReason.UnsupportedAttachment,
                    $"no rewriter for the kind of {name}")));
                return null;
        }
    }

    private ReadOnlyMemory<byte>? RewriteTextAttachment(EmailAttachment attachment, string origin, List<Link> links,
        Dictionary<Link, string> replacements, List<NotRewrittenLink> notRewritten)
    {
        var isHtml = AttachmentClassifier.Classify(attachment) == AttachmentKind.Html;
        var encoding = ByteExactEncoding(attachment.Content.Span);
        var original = encoding.GetString(attachment.Content.Span);
        var targets = Targets(links, replacements);
        var rewritten = isHtml ? HtmlUrlRewriter.Rewrite(original, targets) : RewritePlainText(original, targets);

        var final = rewritten ?? original;
        var remaining = (isHtml ? _html.Extract(final, origin, new List<string>()) : _text.Extract(final, origin))
            .Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
        foreach (var link in links.Where(l => remaining.Contains(l.Url)))
            notRewritten.Add(new(link, NotRewrittenReason.StillPresent, $"the URL is still in {attachment.FileName} after the rewrite"));
        return AsContent(rewritten is null ? null : encoding.GetBytes(rewritten));
    }

    // The bytes must come back unchanged outside the URLs, so the text is decoded with an encoding that round-trips
    // them: UTF-8 when they are valid UTF-8 (the usual case, and what the extractor assumed), else Latin-1, which maps
    // every byte to one char and back (URLs are ASCII in every charset that matters, so they are still found).
    private static Encoding ByteExactEncoding(ReadOnlySpan<byte> bytes)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            utf8.GetCharCount(bytes);
            return utf8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1;
        }
    }

    private ReadOnlyMemory<byte>? RewritePdf(ReadOnlyMemory<byte> pdf, string origin, string name, List<Link> links,
        Dictionary<Link, string> replacements, List<NotRewrittenLink> notRewritten)
    {
        var targets = Targets(links, replacements).ToDictionary(t => t.Url, t => t.Replacement, StringComparer.Ordinal);
        var outcome = PdfUriRewriter.Rewrite(pdf, targets);
        if (outcome.Failure is { } failure)
        {
            notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, failure, $"{outcome.Detail}: {name}")));
            return null;
        }

        var result = outcome.Bytes ?? pdf;
        var notes = new List<string>();
        var remaining = _pdf.Extract(result, origin, notes, []);
        if (outcome.Bytes is not null && notes.Any(n => n.StartsWith("pdf could not be read", StringComparison.Ordinal)))
        {
            // The update made the file unreadable to our own reader: do not hand it to anyone else's.
            notRewritten.AddRange(links.Select(l => new NotRewrittenLink(l, NotRewrittenReason.PdfUnreadable,
                $"the rewritten PDF could not be read back: {name}")));
            return null;
        }
        foreach (var link in links)
        {
            var still = remaining.FirstOrDefault(f => f.Url == link.Url && f.Origin == link.Origin);
            if (still is null)
                continue;
            if (still.Source != LinkSource.Text)
                notRewritten.Add(new(link, NotRewrittenReason.StillPresent,
                    $"a link annotation of {name} still leads to the URL (an action other than a URI action)"));
            else if (outcome.Bytes is not null && link.Source == LinkSource.PdfAnnotation)
                notRewritten.Add(new(link, NotRewrittenReason.PdfPageText,
                    $"the link annotation was rewritten, but the URL is also printed in the page text of {name}, which is not edited"));
            else
                notRewritten.Add(new(link, NotRewrittenReason.PdfPageText, $"the URL is written in the page text of {name}, which is not edited"));
        }
        return AsContent(outcome.Bytes);
    }

    // Spelled out with an if: in "bytes is null ? null : bytes" the null literal converts through byte[] to an empty,
    // non-null ReadOnlyMemory, which would report an unchanged attachment as replaced by zero bytes.
    private static ReadOnlyMemory<byte>? AsContent(byte[]? bytes)
    {
        if (bytes is null)
            return null;
        return bytes;
    }

    private static string? RewritePlainText(string text, IReadOnlyList<UrlTarget> targets)
    {
        var edits = new TextEdits();
        foreach (var target in targets)
            TextUrlOccurrences.Find(text, 0, text.Length, target.Url, [target.Url], html: false, target.Replacement, edits);
        return edits.Apply(text);
    }

    // One replacement per URL (the first link's), longest URL first so that a URL that extends another is claimed
    // by its own target before the shorter one is looked for.
    private static List<UrlTarget> Targets(List<Link> links, Dictionary<Link, string> replacements) =>
        links.GroupBy(l => l.Url, StringComparer.Ordinal)
            .Select(g => new UrlTarget(g.Key, replacements[g.First()]))
            .OrderByDescending(t => t.Url.Length)
            .ToList();
}
