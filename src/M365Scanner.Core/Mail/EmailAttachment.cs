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
    /// <summary>How many leading bytes <see cref="FirstBytes"/> holds at least (all of them in a shorter
    /// attachment): as many as sniffing a file's kind looks at.</summary>
    public const int SniffLength = 1024;

    private ReadOnlyMemory<byte> _content = Content;
    private Lazy<ReadOnlyMemory<byte>>? _decodeOnce;
    private ReadOnlyMemory<byte> _firstBytes;

    /// <summary>The decoded bytes. Empty when the attachment was not fetched (see <see cref="Size"/>). An attachment
    /// read from MIME in place (<see cref="DecodedOnFirstUse"/>) is decoded here, once, on first use.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get => _decodeOnce?.Value ?? _content;
        init
        {
            _content = value;
            _decodeOnce = null;
        }
    }

    /// <summary>The content's first <see cref="SniffLength"/> bytes or more, without decoding the rest: an image
    /// that no reader opens is never decoded whole.</summary>
    public ReadOnlyMemory<byte> FirstBytes => _decodeOnce is { IsValueCreated: false } ? _firstBytes : Content;

    /// <summary>True when the bytes are here; false when the source skipped them (too large, not fetched).</summary>
    public bool HasContent => _decodeOnce is not null || Content.Length > 0 || Size == 0;

    // What the record prints: everything but the bytes, so that printing (a log line, a debugger) never decodes an
    // attachment read on first use, nor dumps its content.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"FileName = {FileName}, ContentType = {ContentType}, Size = {Size}, IsInline = {IsInline}");
        return true;
    }

    /// <summary>An attachment whose content is decoded on first use of <see cref="Content"/>.</summary>
    /// <param name="firstBytes">The content's first bytes, at least <see cref="SniffLength"/> of them.</param>
    /// <param name="size">The decoded size, exactly: a too-large check and its note read it.</param>
    /// <param name="decode">Decodes the whole content; called at most once.</param>
    internal static EmailAttachment DecodedOnFirstUse(string fileName, string contentType, ReadOnlyMemory<byte> firstBytes,
        long size, bool isInline, Func<ReadOnlyMemory<byte>> decode) =>
        new(fileName, contentType, ReadOnlyMemory<byte>.Empty, size, isInline)
        {
            _decodeOnce = new Lazy<ReadOnlyMemory<byte>>(decode, LazyThreadSafetyMode.ExecutionAndPublication),
            _firstBytes = firstBytes,
        };
}
