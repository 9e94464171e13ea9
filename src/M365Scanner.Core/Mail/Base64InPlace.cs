using System.Buffers;
using MimeKit;
using MimeKit.Encodings;

namespace M365Scanner.Core.Mail;

/// <summary>
/// A base64 part still lying in the bytes its message was parsed from (MimeKit's persistent parse): its first bytes
/// and its size are had without decoding the rest. Images were a fifth of the time of reading the list mail, decoded
/// whole though nothing looks past their first bytes.
/// </summary>
/// <remarks>Decodes to the bytes MimeKit's own base64 decoder gives (<see cref="MimeBase64"/>), those
/// <c>MimeContent.DecodeTo</c> gives.</remarks>
internal static class Base64InPlace
{
    private static readonly SearchValues<byte> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

    /// <summary>The part's encoded bytes where they lie, when it is base64 read in place from an array.</summary>
    public static bool TryFind(MimePart part, out ArraySegment<byte> encoded)
    {
        encoded = default;
        return part.ContentTransferEncoding == ContentEncoding.Base64 && MimePartBytes.TryWindow(part, out encoded);
    }

    /// <summary>At least the first <paramref name="count"/> decoded bytes (fewer only when the whole part decodes to
    /// fewer), or null when the encoded text is so full of line breaks and junk that a short prefix does not give them.</summary>
    public static ReadOnlyMemory<byte>? FirstBytes(ArraySegment<byte> encoded, int count)
    {
        // Four characters give three bytes; line breaks every 76 characters add under 3%. Twice that is plenty for
        // real mail, and a part that needs more is decoded whole by the caller.
        var prefix = encoded[..Math.Min(encoded.Count, (count + 2) / 3 * 4 * 2)];
        var first = Decode(prefix);
        return first.Length >= count || prefix.Count == encoded.Count ? first : null;
    }

    /// <summary>The decoded size, exactly as MimeKit's decoder gives it, without decoding: every base64 character
    /// counted up to the first '=', then quartet by quartet as the decoder goes.</summary>
    /// <remarks>Counting a '=' as a character that gives no byte is only right for padding at the end: a sender may put
    /// "QQ==" quartets all through the part, each giving one byte, and a size three times the content's would pass an
    /// attachment off as too large to scan.</remarks>
    public static long DecodedSize(ArraySegment<byte> encoded)
    {
        var all = encoded.AsSpan();
        var padding = all.IndexOf((byte)'=');
        var characters = Characters(padding < 0 ? all : all[..padding]);
        var size = characters / 4 * 3;
        if (padding < 0)
            return size;
        // MimeKit gives a quartet no byte when its second character is '=', else one when its third is, else two when
        // its fourth is, else three; a '=' first in a quartet counts as a character like any other.
        var inQuartet = (int)(characters % 4);
        var pads = 0;
        foreach (var c in all[padding..])
        {
            if (!Alphabet.Contains(c))
                continue;
            if (c == (byte)'=')
                pads |= 1 << inQuartet;
            if (++inQuartet < 4)
                continue;
            size += (pads & 0b0010) != 0 ? 0 : (pads & 0b0100) != 0 ? 1 : (pads & 0b1000) != 0 ? 2 : 3;
            inQuartet = 0;
            pads = 0;
        }
        return size;
    }

    private static long Characters(ReadOnlySpan<byte> rest)
    {
        long characters = 0;
        while (rest.Length > 0)
        {
            var junk = rest.IndexOfAnyExcept(Alphabet);
            if (junk < 0)
                return characters + rest.Length;
            characters += junk;
            rest = rest[(junk + 1)..];
        }
        return characters;
    }

    public static ReadOnlyMemory<byte> Decode(ArraySegment<byte> encoded)
    {
        var output = new byte[MimeBase64.MaxDecodedLength(encoded.Count)];
        return output.AsMemory(0, MimeBase64.Decode(encoded, output));
    }
}
