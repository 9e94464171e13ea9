namespace M365Scanner.Core.Mail;

/// <summary>One attachment as delivered: its name, declared content type and raw (decoded) bytes.</summary>
/// <param name="FileName">The file name the sender gave, or a generated one ("attachment-2") when none was given.</param>
/// <param name="ContentType">The MIME type as declared, lower case (e.g. "application/pdf"); declared types lie, so
/// extractors also sniff the bytes.</param>
/// <param name="Content">The decoded bytes. Empty when the attachment was not fetched (see <paramref name="Size"/>).</param>
/// <param name="Size">The attachment's size in bytes as reported by the source; may exceed <c>Content.Length</c>
/// when the content was not fetched because it was over a cap.</param>
/// <param name="IsInline">True for inline parts (images referenced by cid:).</param>
public sealed record EmailAttachment(
    string FileName,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    long Size,
    bool IsInline = false)
{
    /// <summary>True when the bytes are here; false when the source skipped them (too large, not fetched).</summary>
    public bool HasContent => Content.Length > 0 || Size == 0;
}
