using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>A MIME part's content with its transfer encoding (base64, quoted-printable...) undone.</summary>
internal static class MimePartBytes
{
    // The decoded bytes are handed over as the stream's own buffer: copying them out (ToArray) doubled the memory
    // and time of mapping messages with large attachments.
    public static ReadOnlyMemory<byte> Decoded(MimeEntity part)
    {
        var buffer = DecodedStream(part);
        // Quoted-printable can decode to a third of its length; such a buffer is not kept mostly empty.
        return buffer.Length < buffer.Capacity / 2
            ? buffer.ToArray()
            : new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
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
