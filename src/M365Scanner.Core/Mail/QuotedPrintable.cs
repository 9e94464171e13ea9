namespace M365Scanner.Core.Mail;

/// <summary>Quoted-printable decoding that gives exactly what MimeKit's <c>QuotedPrintableDecoder.Decode</c> gives
/// (without its flush), copying the runs between '=' signs in blocks.</summary>
/// <remarks>MimeKit's decoder moves one byte at a time through its state machine, and decoding the quoted-printable
/// HTML bodies was the largest single cost of mapping the phishing corpus. Its choices are kept: "=XY" of two hex
/// digits is the byte; "=" before a line break (CRLF or LF) is a soft break and vanishes; "==" gives "=" and the
/// second '=' starts a sequence again; any other "=" sequence is kept as written; a sequence cut off by the end of
/// the input is dropped. A test compares both on every short input and every quoted-printable part of the corpora.</remarks>
internal static class QuotedPrintable
{
    /// <summary>The decoded bytes can be no more than the encoded ones.</summary>
    public static int MaxDecodedLength(int encodedLength) => encodedLength;

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="decoded"/>, which must hold at least
    /// <see cref="MaxDecodedLength"/> bytes, and returns the count written.</summary>
    public static int Decode(ReadOnlySpan<byte> encoded, Span<byte> decoded)
    {
        var read = 0;
        var written = 0;
        while (read < encoded.Length)
        {
            var run = encoded[read..].IndexOf((byte)'=');
            if (run < 0)
                run = encoded.Length - read;
            encoded.Slice(read, run).CopyTo(decoded[written..]);
            read += run;
            written += run;
            if (read == encoded.Length)
                break;
            read++; // the '='
            if (!Escape(encoded, ref read, decoded, ref written))
                break;
        }
        return written;
    }

    // After an '=': false when the input ends inside the sequence (dropped, as MimeKit drops it).
    private static bool Escape(ReadOnlySpan<byte> encoded, ref int read, Span<byte> decoded, ref int written)
    {
        while (true)
        {
            if (read == encoded.Length)
                return false;
            var first = encoded[read++];
            if (first == '=')
            {
                decoded[written++] = (byte)'=';
                continue;
            }
            if (first == '\n')
                return true;
            if (first != '\r' && !IsHexDigit(first))
            {
                decoded[written++] = (byte)'=';
                decoded[written++] = first;
                return true;
            }
            if (read == encoded.Length)
                return false;
            var second = encoded[read++];
            if (first == '\r' ? second == '\n' : IsHexDigit(second))
            {
                if (first != '\r')
                    decoded[written++] = (byte)(HexValue(first) << 4 | HexValue(second));
                return true;
            }
            decoded[written++] = (byte)'=';
            decoded[written++] = first;
            decoded[written++] = second;
            return true;
        }
    }

    private static bool IsHexDigit(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
