using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>
/// A text part's text as MimeKit's <see cref="TextPart.Text"/> gives it on Linux, in one pass over the decoded bytes.
/// </summary>
/// <remarks>MimeKit (4.18) converts through two filters (the charset to UTF-8 bytes, CRLF to LF) and then decodes the
/// UTF-8 again: three passes and a growing buffer, which made reading the bodies most of the cost of mapping a
/// message. The same choices are made here: the part's own charset, else a byte-order mark or an HTML meta charset
/// (<see cref="TextPart.TryDetectEncoding"/>), else strict UTF-8 with ISO-8859-1 when the bytes are not UTF-8; every
/// CR before an LF, and a CR that ends the text, dropped; an unfinished multi-byte sequence that ends the text dropped.
/// A test compares both on every text part of the corpora.
/// <para>Where CR and LF are bytes of their own (UTF-8 and the single-byte charsets, <see cref="ByteLineEnds"/>), the
/// CRs are dropped from the bytes and the string is decoded from them at once: half the bytes to search and copy, and
/// no buffer of chars between. Other charsets are decoded to chars first.</para>
/// </remarks>
internal static class MimeText
{
    private const int MaxPooledChars = 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Of(TextPart part)
    {
        if (part.Content is null)
            return string.Empty;
        if (MimePartBytes.TryUnencoded(part, out var raw))
            return Of(part, raw, owned: false);
        if (!MimePartBytes.TryDecodePooled(part, out var pooled, out var length))
            return Of(part, Decoded(part), owned: true);
        try
        {
            return Of(part, pooled.AsSpan(0, length), owned: true);
        }
        finally
        {
            MimePartBytes.Return(pooled);
        }
    }

    // owned: the bytes are this call's to change (a decoded buffer), not the message's own.
    private static string Of(TextPart part, Span<byte> bytes, bool owned)
    {
        var encoding = DeclaredCharsets.Of(part.ContentType) ??
                       (part.TryDetectEncoding(out var detected, out _) ? detected : StrictUtf8);
        if (encoding == StrictUtf8)
            encoding = Utf8.IsValid(WithoutUnfinishedEnd(bytes)) ? Encoding.UTF8 : Encoding.Latin1;
        if (!ByteLineEnds.Of(encoding))
            return DecodeToChars(encoding, bytes);
        if (encoding is UTF8Encoding)
            bytes = WithoutUnfinishedEnd(bytes);
        if (NextDroppedCr(bytes, 0) < 0)
            return encoding.GetString(bytes);
        if (owned)
            return encoding.GetString(bytes[..WithoutDroppedCrs(bytes, bytes)]);
        var pooled = bytes.Length <= MimePartBytes.MaxPooledBytes;
        var copy = pooled ? ArrayPool<byte>.Shared.Rent(bytes.Length) : new byte[bytes.Length];
        try
        {
            return encoding.GetString(copy, 0, WithoutDroppedCrs(bytes, copy));
        }
        finally
        {
            if (pooled)
                ArrayPool<byte>.Shared.Return(copy);
        }
    }

    // The decoder is never flushed (below), so a UTF-8 sequence left unfinished at the very end is dropped.
    private static Span<byte> WithoutUnfinishedEnd(Span<byte> bytes) =>
        Rune.DecodeLastFromUtf8(bytes, out _, out var unfinished) == OperationStatus.NeedMoreData ? bytes[..^unfinished] : bytes;

    private static string DecodeToChars(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Decode(encoding, bytes);
        }
        catch (DecoderFallbackException)
        {
            return Decode(Encoding.Latin1, bytes);
        }
    }

    // Copies the bytes without each CR that precedes an LF or ends them (target may be the source); returns the length.
    private static int WithoutDroppedCrs(ReadOnlySpan<byte> source, Span<byte> target)
    {
        var written = 0;
        var at = 0;
        for (int cr; (cr = NextDroppedCr(source, at)) >= 0; at = cr + 1)
        {
            source[at..cr].CopyTo(target[written..]);
            written += cr - at;
        }
        source[at..].CopyTo(target[written..]);
        return written + source.Length - at;
    }

    private static int NextDroppedCr(ReadOnlySpan<byte> bytes, int from)
    {
        while (from < bytes.Length)
        {
            var cr = bytes[from..].IndexOf((byte)'\r');
            if (cr < 0)
                return -1;
            cr += from;
            if (cr + 1 == bytes.Length || bytes[cr + 1] == (byte)'\n')
                return cr;
            from = cr + 1;
        }
        return -1;
    }

    private static Span<byte> Decoded(TextPart part)
    {
        var decoded = MimePartBytes.DecodedStream(part);
        return decoded.GetBuffer().AsSpan(0, (int)decoded.Length);
    }

    // Never flushed, as MimeKit's charset filter never flushes its decoder: an unfinished multi-byte sequence at the
    // very end is dropped rather than replaced or refused. (MimeKit feeds its decoder in pieces, and .NET's ISO-2022-JP
    // decoder can lose an escape at a piece boundary; read whole, it does not, the one difference found.)
    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var decoder = encoding.GetDecoder();
        // The encoding's bound on the chars, not a count: counting was a whole decoding pass of its own.
        var length = Math.Max(1, encoding.GetMaxCharCount(bytes.Length));
        // A huge body's buffer is not left in the shared pool for the life of the process.
        var pooled = length <= MaxPooledChars;
        var chars = pooled ? ArrayPool<char>.Shared.Rent(length) : new char[length];
        try
        {
            return WithUnixNewLines(chars, decoder.GetChars(bytes, chars, flush: false));
        }
        finally
        {
            if (pooled)
                ArrayPool<char>.Shared.Return(chars);
        }
    }

    // A CR before an LF or at the very end is dropped while the string is made, line by line with vectorised searches
    // and block copies. (Dropping them in place first was a loop over every char of every CRLF body.)
    private static string WithUnixNewLines(char[] chars, int count)
    {
        var dropped = 0;
        for (var at = 0; NextDroppedCr(chars, count, at) is var cr and >= 0; at = cr + 1)
            dropped++;
        if (dropped == 0)
            return new string(chars, 0, count);
        return string.Create(count - dropped, (chars, count), static (text, state) =>
        {
            var (source, length) = state;
            var written = 0;
            var at = 0;
            for (int cr; (cr = NextDroppedCr(source, length, at)) >= 0; at = cr + 1)
            {
                source.AsSpan(at, cr - at).CopyTo(text[written..]);
                written += cr - at;
            }
            source.AsSpan(at, length - at).CopyTo(text[written..]);
        });
    }

    private static int NextDroppedCr(char[] chars, int count, int from)
    {
        while (from < count)
        {
            var cr = chars.AsSpan(from, count - from).IndexOf('\r');
            if (cr < 0)
                return -1;
            cr += from;
            if (cr + 1 == count || chars[cr + 1] == '\n')
                return cr;
            from = cr + 1;
        }
        return -1;
    }
}
