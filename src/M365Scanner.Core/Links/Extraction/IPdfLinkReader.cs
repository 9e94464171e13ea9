namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Reads the links of one PDF attachment. <see cref="PdfLinkExtractor"/> does it in the calling process; a host
/// that must survive any PDF (a stack overflow or runaway allocation cannot be caught in .NET) gives the
/// extractor an implementation that parses in a separate worker process.
/// </summary>
/// <remarks>Implementations never throw for the content of the PDF: what could not be read becomes a note starting
/// with "pdf could not be read: " (nothing read) or "pdf read only in part: ".</remarks>
public interface IPdfLinkReader
{
    /// <param name="pdf">The attachment's bytes.</param>
    /// <param name="attachmentOrigin">The attachment's origin (<see cref="LinkOrigin.Attachment"/>); pages append to it.</param>
    /// <param name="notes">Receives a note for everything that could not be read.</param>
    /// <param name="passwords">Passwords to try on an encrypted PDF (the empty one is always tried).</param>
    IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> pdf, string attachmentOrigin, ICollection<string> notes,
        IReadOnlyList<string> passwords);
}
