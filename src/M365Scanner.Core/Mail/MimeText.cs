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

    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

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
        if (UnixLineEnds.NextDroppedCr<byte>(bytes, 0, Cr, Lf) < 0)
            return encoding.GetString(bytes);
        if (owned)
            return encoding.GetString(bytes[..UnixLineEnds.CopyWithout<byte>(bytes, bytes, Cr, Lf)]);
        var pooled = bytes.Length <= MimePartBytes.MaxPooledBytes;
        var copy = pooled ? ArrayPool<byte>.Shared.Rent(bytes.Length) : new byte[bytes.Length];
        try
        {
            return encoding.GetString(copy, 0, UnixLineEnds.CopyWithout<byte>(bytes, copy, Cr, Lf));
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

    // The dropped CRs are left out while the string is made. (Dropping them in place first was a loop over every char
    // of every CRLF body.)
    private static string WithUnixNewLines(char[] chars, int count)
    {
        var dropped = UnixLineEnds.DroppedCrs<char>(chars.AsSpan(0, count), '\r', '\n');
        if (dropped == 0)
            return new string(chars, 0, count);
        return string.Create(count - dropped, (chars, count), static (text, state) =>
            UnixLineEnds.CopyWithout<char>(state.chars.AsSpan(0, state.count), text, '\r', '\n'));
    }
}
