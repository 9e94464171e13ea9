using System.Buffers;
using MimeKit;
using MimeKit.Encodings;
using MimeKit.IO;

namespace M365Scanner.Core.Mail;

/// <summary>A MIME part's content with its transfer encoding (base64, quoted-printable...) undone.</summary>
internal static class MimePartBytes
{
    /// <summary>The largest decoded buffer taken from (and given back to) the shared pool: a huge body's buffer is not
    /// kept by the pool for the life of the process.</summary>
    internal const int MaxPooledBytes = 1024 * 1024;

    // The decoded bytes are handed over as the stream's own buffer: copying them out (ToArray) doubled the memory
    // and time of mapping messages with large attachments.
    public static ReadOnlyMemory<byte> Decoded(MimeEntity part)
    {
        if (part is MimePart mimePart && TryUnencoded(mimePart, out var raw))
            return raw;
        var buffer = DecodedStream(part);
        // Quoted-printable can decode to a third of its length; such a buffer is not kept mostly empty.
        return buffer.Length < buffer.Capacity / 2
            ? buffer.ToArray()
            : new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The content of a part with no transfer encoding to undo (7bit, 8bit, binary), where it lies in the
    /// bytes the message was parsed from in place: no copy is made.</summary>
    public static bool TryUnencoded(MimePart part, out ArraySegment<byte> content)
    {
        content = default;
        return part.ContentTransferEncoding is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit
                   or ContentEncoding.Binary && TryWindow(part, out content);
    }

    /// <summary>The part's content as written in the message (still transfer-encoded), where it lies, when the message
    /// was parsed in place (MimeKit's persistent mode) from an array.</summary>
    public static bool TryWindow(MimePart part, out ArraySegment<byte> content)
    {
        content = default;
        if (part.Content?.Stream is not BoundStream { BaseStream: MemoryStream message } window || !message.TryGetBuffer(out var bytes))
            return false;
        var end = window.EndBoundary < 0 ? bytes.Count : window.EndBoundary;
        if (window.StartBoundary < 0 || window.StartBoundary > end || end > bytes.Count)
            return false;
        content = bytes.Slice((int)window.StartBoundary, (int)(end - window.StartBoundary));
        return true;
    }

    /// <summary>A base64 or quoted-printable part lying in the bytes it was parsed from in place, decoded in one call
    /// (through MimeKit's streams the bytes were copied three times) into a buffer from the shared pool: base64 by
    /// <see cref="MimeBase64"/>, quoted-printable by <see cref="QuotedPrintable"/>, which gives the same bytes. The caller
    /// gives the buffer back with <see cref="Return"/>.</summary>
    public static bool TryDecodePooled(MimePart part, out byte[] buffer, out int length)
    {
        var encoding = part.ContentTransferEncoding;
        if (encoding is not (ContentEncoding.Base64 or ContentEncoding.QuotedPrintable) || !TryWindow(part, out var encoded))
        {
            (buffer, length) = ([], 0);
            return false;
        }
        var base64 = encoding == ContentEncoding.Base64;
        var estimate = Math.Max(1, base64 ? MimeBase64.MaxDecodedLength(encoded.Count) : QuotedPrintable.MaxDecodedLength(encoded.Count));
        buffer = estimate <= MaxPooledBytes ? ArrayPool<byte>.Shared.Rent(estimate) : new byte[estimate];
        length = base64 ? MimeBase64.Decode(encoded, buffer) : QuotedPrintable.Decode(encoded, buffer);
        return true;
    }

    /// <summary>Gives back a buffer of <see cref="TryDecodePooled"/>.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBytes)
            ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>The decoded bytes in a stream positioned at their end, for a reader that only looks at them once.</summary>
    public static MemoryStream DecodedStream(MimeEntity part)
    {
        var buffer = new MemoryStream(DecodedSizeAtMost(part));
        switch (part)
        {
            case MessagePart { Message: not null } message:
                message.Message.WriteTo(buffer);
                break;
            case MimePart { Content: not null } mimePart:
                mimePart.Content.DecodeTo(buffer);
                break;
            default:
                part.WriteTo(buffer, contentOnly: true);
                break;
        }
        return buffer;
    }

    // Sized once from the encoded length, which bounds the decoded one: a growing stream copied a large attachment
    // several times over. The length is the part's actual bytes in this message, never a size the sender declared.
    private static int DecodedSizeAtMost(MimeEntity part)
    {
        if (part is not MimePart { Content.Stream: { CanSeek: true } encoded } mimePart)
            return 0;
        var length = encoded.Length;
        if (mimePart.ContentTransferEncoding == ContentEncoding.Base64)
            length = length / 4 * 3 + 3;
        return (int)Math.Min(length, Array.MaxLength);
    }
}
