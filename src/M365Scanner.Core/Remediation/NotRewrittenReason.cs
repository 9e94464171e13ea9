namespace M365Scanner.Core.Remediation;

/// <summary>Why an offending link could not be neutralised in the rewritten copy. Any of these means the copy
/// would still carry the link, so the message must be quarantined instead.</summary>
public enum NotRewrittenReason
{
    /// <summary>The URL is still found in its container after the rewrite: it is written in a form the rewriter does
    /// not recognise (an unusual escape, a relative URL it cannot map back, an action other than a URI action).</summary>
    StillPresent,
    /// <summary>The link's origin names no body or attachment of this message.</summary>
    ContainerNotFound,
    /// <summary>The attachment's bytes were not fetched, so there is nothing to rewrite.</summary>
    ContentNotAvailable,
    /// <summary>The URL is written in a PDF page's text; page content is not edited (fonts, encodings and layout
    /// make a safe in-place edit impossible in general), and readers auto-link such text.</summary>
    PdfPageText,
    /// <summary>The PDF is encrypted: new objects would have to be encrypted with its key.</summary>
    PdfEncrypted,
    /// <summary>The PDF is damaged or could not be parsed, so an incremental update cannot be chained to it.</summary>
    PdfUnreadable,
    /// <summary>The link is inside an attached message (.eml); rewriting would mean re-serialising that message.</summary>
    InsideAttachedMessage,
    /// <summary>Office documents (.docx, .xlsx, .pptx) are not rewritten yet.</summary>
    OfficeDocument,
    /// <summary>An attachment of a kind that has no rewriter.</summary>
    UnsupportedAttachment,
}
