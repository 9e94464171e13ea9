using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>Decides the <see cref="AttachmentKind"/> of an attachment.</summary>
public static class AttachmentClassifier
{
    private static readonly string[] HtmlExtensions = [".htm", ".html", ".shtml", ".xhtml", ".svg"];
    private static readonly string[] TextExtensions = [".txt", ".csv", ".url"];
    private static readonly string[] MessageExtensions = [".eml"];

    public static AttachmentKind Classify(EmailAttachment attachment)
    {
        // Sniffed from the first bytes, so that an image is never decoded whole; a ZIP is searched whole for its
        // Office manifest, which need not come first.
        var first = attachment.FirstBytes.Span;
        if (PdfLinkExtractor.LooksLikePdf(first))
            return AttachmentKind.Pdf;
        if (OfficeLinkExtractor.MayBeOfficeDocument(first) && OfficeLinkExtractor.LooksLikeOfficeDocument(attachment.Content.Span))
            return AttachmentKind.Office;

        var type = attachment.ContentType;
        var extension = Path.GetExtension(attachment.FileName).ToLowerInvariant();
        if (type is "message/rfc822" or "message/global" || MessageExtensions.Contains(extension))
            return AttachmentKind.Message;
        // SVG is HTML's cousin for our purpose: it carries <a href> and script and opens in the browser.
        if (type is "text/html" or "application/xhtml+xml" or "image/svg+xml" || HtmlExtensions.Contains(extension))
            return AttachmentKind.Html;
        if (type.StartsWith("text/", StringComparison.Ordinal) || TextExtensions.Contains(extension))
            return AttachmentKind.Text;
        return AttachmentKind.Unreadable;
    }
}
