using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;
using MimeKit.Encodings;

namespace M365Scanner.Core.Tests.Mail;

/// <summary><see cref="QuotedPrintable"/> must give what MimeKit's decoder gives, byte for byte.</summary>
public class QuotedPrintableTests
{
    private static byte[] Ours(byte[] encoded)
    {
        var decoded = new byte[QuotedPrintable.MaxDecodedLength(encoded.Length)];
        return decoded[..QuotedPrintable.Decode(encoded, decoded)];
    }

    private static byte[] MimeKits(byte[] encoded)
    {
        var decoder = new QuotedPrintableDecoder();
        var decoded = new byte[Math.Max(1, decoder.EstimateOutputLength(encoded.Length))];
        return decoded[..decoder.Decode(encoded, 0, encoded.Length, decoded)];
    }

    [Theory]
    [InlineData("caf=E9 =93q=94", "caf\u00e9 \u0093q\u0094")]
    [InlineData("soft=\r\nbreak, soft=\nbreak", "softbreak, softbreak")]
    [InlineData("==41", "=A")]          // "==" gives '=', and the second '=' starts a sequence
    [InlineData("=4g =\rx =zz", "=4g =\rx =zz")] // not a sequence: kept as written
    [InlineData("lower =e9", "lower \u00e9")]
    [InlineData("cut =4", "cut ")]      // a sequence cut off by the end is dropped
    [InlineData("cut =", "cut ")]
    [InlineData("cut =\r", "cut ")]
    public void Decode_GivesWhatMimeKitGives(string encoded, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(encoded);
        Assert.Equal(Encoding.Latin1.GetBytes(expected), Ours(bytes));
        Assert.Equal(MimeKits(bytes), Ours(bytes));
    }

    [Fact]
    public void Decode_EqualsMimeKit_OnEveryInputOfUpToSixBytesOverTheBytesThatMatter()
    {
        var alphabet = "=\r\nAfg "u8.ToArray();
        var differing = new List<string>();
        var input = new byte[6];
        for (var length = 0; length <= input.Length; length++)
        {
            var combinations = (int)Math.Pow(alphabet.Length, length);
            for (var n = 0; n < combinations; n++)
            {
                for (int i = 0, rest = n; i < length; i++, rest /= alphabet.Length)
                    input[i] = alphabet[rest % alphabet.Length];
                var encoded = input[..length];
                if (!Ours(encoded).AsSpan().SequenceEqual(MimeKits(encoded)))
                    differing.Add(Convert.ToHexString(encoded));
            }
        }
        Assert.Empty(differing);
    }

    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    [InlineData("enron")]
    public void Decode_EqualsMimeKit_OnEveryQuotedPrintablePartOfTheCorpus(string corpus)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var parts = 0;
        var differing = new List<string>();
        foreach (var (file, message) in CorpusMime.Messages(folder, inPlace: false, max: 4000))
        {
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                if (part.ContentTransferEncoding != ContentEncoding.QuotedPrintable || part.Content?.Stream is not { } stream)
                    continue;
                parts++;
                using var encoded = new MemoryStream();
                stream.Position = 0;
                stream.CopyTo(encoded);
                if (!Ours(encoded.ToArray()).AsSpan().SequenceEqual(MimeKits(encoded.ToArray())))
                    differing.Add($"{file}: {part.ContentType.MimeType}");
            }
        }
        Assert.True(parts > 50, $"only {parts} quoted-printable parts under {folder}");
        Assert.Empty(differing);
    }
}
