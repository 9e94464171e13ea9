using System.Collections.Concurrent;
using System.Text;

namespace M365Scanner.Core.Mail;

/// <summary>Whether an encoding's CR and LF are the bytes 0x0D and 0x0A, which no other byte or sequence decodes to or
/// takes part in, and whether it never throws on what it cannot read: then line ends can be handled in the bytes,
/// before decoding (<see cref="MimeText"/>). True of UTF-8 and of the single-byte charsets but EBCDIC's.</summary>
internal static class ByteLineEnds
{
    private static readonly ConcurrentDictionary<int, bool> SingleByte = new();

    public static bool Of(Encoding encoding)
    {
        if (encoding.DecoderFallback is DecoderExceptionFallback)
            return false;
        if (encoding is UTF8Encoding)
            return true;
        return encoding.IsSingleByte && SingleByte.GetOrAdd(encoding.CodePage, _ => OnlyCrAndLfDecodeToThem(encoding));
    }

    private static bool OnlyCrAndLfDecodeToThem(Encoding encoding)
    {
        var all = new byte[256];
        for (var b = 0; b < all.Length; b++)
            all[b] = (byte)b;
        var chars = encoding.GetString(all);
        if (chars.Length != all.Length)
            return false;
        for (var b = 0; b < all.Length; b++)
            if ((chars[b] == '\r') != (b == '\r') || (chars[b] == '\n') != (b == '\n'))
                return false;
        return true;
    }
}
