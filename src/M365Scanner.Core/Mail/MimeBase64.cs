using System.Buffers;
using System.Buffers.Text;
using MimeKit.Encodings;

namespace M365Scanner.Core.Mail;

/// <summary>Base64 decoded to the bytes MimeKit's <see cref="Base64Decoder"/> gives, by .NET's vectorised decoder where
/// the text is base64 as .NET reads it (the alphabet, white space, padding only at the end), else by MimeKit's, which
/// skips whatever is not in the alphabet and reads padding anywhere. MimeKit's reads a byte at a time; decoding (base64
/// and quoted-printable) was a third of reading the text bodies of the phishing corpus.</summary>
internal static class MimeBase64
{
    /// <summary>The size the output of <see cref="Decode"/> must have.</summary>
    public static int MaxDecodedLength(int encodedLength) => new Base64Decoder().EstimateOutputLength(encodedLength);

    /// <summary>Decodes <paramref name="encoded"/> into <paramref name="output"/> (at least
    /// <see cref="MaxDecodedLength"/> long); returns the decoded length.</summary>
    public static int Decode(ArraySegment<byte> encoded, byte[] output)
    {
        if (Base64.DecodeFromUtf8(encoded, output, out var consumed, out var written) == OperationStatus.Done && consumed == encoded.Count)
            return written;
        return MimeKitDecode(encoded, output);
    }

    internal static int MimeKitDecode(ArraySegment<byte> encoded, byte[] output) =>
        new Base64Decoder().Decode(encoded.Array!, encoded.Offset, encoded.Count, output);
}
