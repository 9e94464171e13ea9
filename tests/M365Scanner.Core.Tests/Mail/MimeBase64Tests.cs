using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

/// <summary><see cref="MimeBase64"/> must give the bytes MimeKit's decoder gives, whichever decoder it takes.</summary>
public class MimeBase64Tests
{
    private static (byte[] Ours, byte[] MimeKits) Both(byte[] encoded)
    {
        var segment = new ArraySegment<byte>(encoded);
        var ours = new byte[MimeBase64.MaxDecodedLength(encoded.Length)];
        var theirs = new byte[MimeBase64.MaxDecodedLength(encoded.Length)];
        var length = MimeBase64.Decode(segment, ours);
        return (ours[..length], theirs[..MimeBase64.MimeKitDecode(segment, theirs)]);
    }

    [Theory]
    [InlineData("SGVsbG8sIHdvcmxk\r\nIQ==\r\n")]        // line breaks, padding at the end
    [InlineData("QQ==QUJD")]                          // padding in the middle: MimeKit gives a byte per quartet
    [InlineData("QUJ")]                               // an unfinished quartet
    [InlineData("QU*JD")]                             // a character outside the alphabet, skipped
    [InlineData(" Q U J D \t")]
    [InlineData("QR==")]                              // bits past the last byte
    [InlineData("")]
    public void Decode_GivesMimeKitsBytes(string encoded)
    {
        var (ours, theirs) = Both(Encoding.ASCII.GetBytes(encoded));
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Decode_GivesMimeKitsBytes_OnRandomText()
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(29);
        for (var i = 0; i < 20_000; i++)
        {
            var data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            var text = new StringBuilder(Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks));
            // Now and then a slip of the kind senders make: junk, a missing character, padding too early, a space.
            for (var slips = random.Next(-3, 3); slips > 0 && text.Length > 0; slips--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0: text.Insert(at, "*"); break;
                    case 1: text.Remove(at, 1); break;
                    case 2: text.Insert(at, "="); break;
                    default: text.Insert(at, random.Next(2) == 0 ? " " : alphabet[random.Next(alphabet.Length)]); break;
                }
            }
            var (ours, theirs) = Both(Encoding.ASCII.GetBytes(text.ToString()));
            Assert.True(theirs.AsSpan().SequenceEqual(ours), text.ToString());
        }
    }

    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    public void Decode_GivesMimeKitsBytes_OnEveryBase64PartOfTheCorpus(string corpus)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var parts = 0;
        foreach (var (file, message) in CorpusMime.Messages(folder, inPlace: true, max: 4000))
        {
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                if (!Base64InPlace.TryFind(part, out var encoded))
                    continue;
                parts++;
                var (ours, theirs) = Both(encoded.ToArray());
                Assert.True(theirs.AsSpan().SequenceEqual(ours), $"{file}: {part.ContentType.MimeType}");
            }
        }
        Assert.True(parts > 100, $"only {parts} base64 parts under {folder}");
    }
}
