using System.Buffers.Binary;

namespace M365Scanner.DocumentWorker.Protocol;

/// <summary>
/// The framing on the worker's stdin and stdout: each message is a 4-byte little-endian payload length followed by
/// the payload. A reader always knows how many bytes to expect, so a worker that dies mid-answer shows up as a short
/// read (end of stream), never as a misparsed message.
/// </summary>
public static class Frames
{
    /// <summary>Writes one frame whose payload is <paramref name="head"/> then <paramref name="tail"/>. Two parts,
    /// so a large document is written from the caller's buffer instead of being copied behind its header.</summary>
    /// <exception cref="IOException">The other end closed the pipe.</exception>
    public static void Write(Stream stream, ReadOnlySpan<byte> head, ReadOnlySpan<byte> tail = default)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, checked(head.Length + tail.Length));
        stream.Write(length);
        stream.Write(head);
        stream.Write(tail);
        stream.Flush();
    }

    /// <summary>Reads one frame's payload, or null when the stream ends cleanly before a frame starts.</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">The announced length is negative or over <paramref name="maxLength"/>.</exception>
    public static byte[]? Read(Stream stream, int maxLength)
    {
        Span<byte> header = stackalloc byte[4];
        var got = ReadAtMost(stream, header);
        if (got == 0)
            return null;
        if (got < header.Length)
            throw new EndOfStreamException("the stream ended inside a frame header");
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > maxLength)
            throw new InvalidDataException($"frame of {length} bytes, over the limit of {maxLength}");
        var payload = new byte[length];
        if (ReadAtMost(stream, payload) < length)
            throw new EndOfStreamException($"the stream ended inside a frame of {length} bytes");
        return payload;
    }

    private static int ReadAtMost(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }
}
