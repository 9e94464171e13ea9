using System.Text;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Every link a reader of one message could follow: HTML and text bodies, then each attachment by kind
/// (PDF, HTML, text, Office, and attached messages recursively), resolved through the <see cref="LinkResolver"/>.
/// </summary>
/// <remarks>
/// Never throws for message content: whatever cannot be read becomes a note in the result and the rest is
/// still returned, because a message must be scored on what could be read rather than skipped.
/// Thread-safe; one instance serves the whole process.
/// </remarks>
public sealed class MessageLinkExtractor
{
    private readonly ExtractionLimits _limits;
    private readonly LinkResolver _resolver;
    private readonly HtmlLinkExtractor _html;
    private readonly TextLinkExtractor _text = new();
    private readonly IPdfLinkReader _pdf;
    private readonly OfficeLinkExtractor _office;

    /// <param name="pdf">Where PDFs are read: in this process by default (<see cref="PdfLinkExtractor"/>).</param>
    public MessageLinkExtractor(ExtractionLimits? limits = null, LinkResolver? resolver = null, IPdfLinkReader? pdf = null)
    {
        _limits = limits ?? ExtractionLimits.Default;
        _resolver = resolver ?? LinkResolver.Default;
        _html = new HtmlLinkExtractor(_limits);
        _pdf = pdf ?? new PdfLinkExtractor(_limits);
        _office = new OfficeLinkExtractor(_limits);
    }

    public ExtractionResult Extract(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var found = new List<FoundLink>();
        var notes = new List<string>();
        ExtractMessage(message, LinkOrigin.Body, depth: 0, found, notes);
        return new ExtractionResult(Resolve(found, notes), notes);
    }

    private void ExtractMessage(EmailMessage message, string origin, int depth, List<FoundLink> found, List<string> notes)
    {
        // HTML first: when both bodies carry the same URL, the HTML occurrence has the anchor text.
        if (!string.IsNullOrEmpty(message.HtmlBody))
            found.AddRange(_html.Extract(message.HtmlBody, origin, notes));
        if (!string.IsNullOrEmpty(message.TextBody))
            found.AddRange(_text.Extract(message.TextBody, origin));
        var passwords = message.Attachments.Any(a => PdfLinkExtractor.LooksLikePdf(a.FirstBytes.Span))
            ? PdfPasswordHints.From(message)
            : [];
        foreach (var attachment in message.Attachments)
            ExtractAttachment(attachment, origin, depth, passwords, found, notes);
    }

    private void ExtractAttachment(EmailAttachment attachment, string parentOrigin, int depth,
        IReadOnlyList<string> passwords, List<FoundLink> found, List<string> notes)
    {
        var origin = LinkOrigin.Attachment(attachment.FileName, parentOrigin);
        if (attachment.Size > _limits.MaxAttachmentBytes)
        {
            notes.Add($"attachment too large to scan: {attachment.FileName}: {attachment.Size} bytes (limit {_limits.MaxAttachmentBytes})");
            return;
        }
        if (!attachment.HasContent)
        {
            notes.Add($"attachment not scanned: {attachment.FileName}: its content was not fetched");
            return;
        }

        if (attachment.ContentType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            // A multipart that is a leaf is where the MIME parser stopped nesting (EmlReader's MaxMimeDepth): what is
            // below was not parsed. Its raw text is still searched for URLs, but encoded parts stay unread.
            notes.Add($"mime nesting too deep: {attachment.FileName}: parts nested below it were not parsed, only searched as raw text");
            found.AddRange(_text.Extract(DecodeText(attachment), origin));
            return;
        }

        var kind = AttachmentClassifier.Classify(attachment);
        try
        {
            switch (kind)
            {
                case AttachmentKind.Pdf:
                    found.AddRange(_pdf.Extract(attachment.Content, origin, notes, passwords));
                    break;
                case AttachmentKind.Office:
                    found.AddRange(_office.Extract(attachment.Content, origin, notes));
                    break;
                case AttachmentKind.Html:
                    found.AddRange(_html.Extract(DecodeText(attachment), origin, notes));
                    break;
                case AttachmentKind.Text:
                    found.AddRange(_text.Extract(DecodeText(attachment), origin));
                    break;
                case AttachmentKind.Message:
                    ExtractAttachedMessage(attachment, origin, depth, found, notes);
                    break;
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ObjectDisposedException or OperationCanceledException))
        {
            // Extractors note their own known failures; this is the backstop for a parser bug on hostile input. A reader
            // shut down under the scan (the host stopping) is not the content's fault: the scan fails and is retried.
            notes.Add($"{kind.ToString().ToLowerInvariant()} could not be read: {attachment.FileName}: {ex.Message}");
        }
    }

    private void ExtractAttachedMessage(EmailAttachment attachment, string origin, int depth,
        List<FoundLink> found, List<string> notes)
    {
        if (depth + 1 > _limits.MaxNestingDepth)
        {
            notes.Add($"attached message not opened: {attachment.FileName}: nesting deeper than {_limits.MaxNestingDepth}");
            return;
        }
        EmailMessage inner;
        try
        {
            inner = EmlReader.Read(attachment.Content, _limits.MimeParseBudget, CancellationToken.None);
        }
        catch (FormatException ex)
        {
            notes.Add($"attached message could not be read: {attachment.FileName}: {ex.Message}");
            return;
        }
        ExtractMessage(inner, origin, depth + 1, found, notes);
    }

    // Attachments rarely declare a charset we can trust, and URLs are ASCII in every charset that matters;
    // invalid bytes become U+FFFD, which ends a URL run rather than corrupting it.
    private static string DecodeText(EmailAttachment attachment) => Encoding.UTF8.GetString(attachment.Content.Span);

    private List<Link> Resolve(List<FoundLink> found, List<string> notes)
    {
        var links = new List<Link>();
        var seen = new HashSet<(string Url, string Origin)>();
        foreach (var candidate in found)
        {
            if (!seen.Add((candidate.Url, candidate.Origin)))
                continue;
            if (_resolver.Resolve(candidate) is not { } link)
                continue;
            if (links.Count == _limits.MaxLinksPerMessage)
            {
                notes.Add($"too many links: only the first {_limits.MaxLinksPerMessage} were scanned");
                break;
            }
            if (link.IsWrappedTooDeep)
                notes.Add($"link not unwrapped: {link.Origin}: {link.Url.Length} chars wrapped in more than {link.WrappedBy.Count} " +
                          $"layers ({string.Join(" > ", link.WrappedBy.Distinct())}), its destination is unknown");
            links.Add(link);
        }
        return links;
    }
}
