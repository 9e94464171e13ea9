using System.Buffers;
using System.Text;
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
/// </remarks>
internal static class MimeText
{
    private const int MaxPooledChars = 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Of(TextPart part)
    {
        if (part.Content is null)
            return string.Empty;
        var decoded = MimePartBytes.DecodedStream(part);
        var bytes = decoded.GetBuffer().AsSpan(0, (int)decoded.Length);
        if (!part.TryDetectEncoding(out var encoding, out _))
            encoding = StrictUtf8;
        string text;
        try
        {
            text = Decode(encoding, bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(bytes);
        }
        return UnixNewLines(text);
    }

    // Never flushed, as MimeKit's charset filter never flushes its decoder: an unfinished multi-byte sequence at the
    // very end is dropped rather than replaced or refused. (MimeKit feeds its decoder in pieces, and .NET's ISO-2022-JP
    // decoder can lose an escape at a piece boundary; read whole, it does not, the one difference found.)
    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var decoder = encoding.GetDecoder();
        var length = Math.Max(1, decoder.GetCharCount(bytes, flush: false));
        // A huge body's buffer is not left in the shared pool for the life of the process.
        var pooled = length <= MaxPooledChars;
        var chars = pooled ? ArrayPool<char>.Shared.Rent(length) : new char[length];
        try
        {
            var count = decoder.GetChars(bytes, chars, flush: false);
            return new string(chars, 0, count);
        }
        finally
        {
            if (pooled)
                ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static string UnixNewLines(string text)
    {
        if (!text.Contains('\r'))
            return text;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        return lines.EndsWith('\r') ? lines[..^1] : lines;
    }
}
