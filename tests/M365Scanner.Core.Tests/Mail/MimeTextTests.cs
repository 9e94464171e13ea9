using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

/// <summary><see cref="MimeText"/> must give what MimeKit's <see cref="TextPart.Text"/> gives, on every text part
/// of the real corpora and on the cases where charset choice and line ends differ.</summary>
public class MimeTextTests
{
    [SkippableTheory]
    [InlineData("phishing", false)]
    [InlineData("lists", false)]
    [InlineData("enron", false)]
    [InlineData("phishing", true)]
    [InlineData("lists", true)]
    [InlineData("enron", true)]
    public void Of_EveryTextPartOfTheCorpus_EqualsMimeKitsText(string corpus, bool readInPlace)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var parts = 0;
        var differing = new List<string>();
        foreach (var (file, message) in CorpusMime.Messages(folder, readInPlace, max: 4000))
        {
            foreach (var part in message.BodyParts.OfType<TextPart>())
            {
                parts++;
                if (MimeText.Of(part) != part.Text)
                    differing.Add($"{file}: {part.ContentType.MimeType}");
            }
        }
        Assert.True(parts > 100, $"only {parts} text parts under {folder}");
        Assert.Empty(differing);
    }

    [Theory]
    [InlineData("text/plain; charset=utf-8", "7bit", "a\r\nb\r\n", "a\nb\n")]
    [InlineData("text/plain; charset=utf-8", "7bit", "a\rb\r\r\nc\r", "a\rb\r\nc")] // a lone CR stays, a final one goes
    [InlineData("text/plain; charset=windows-1252", "quoted-printable", "caf=E9 =93quoted=94 =80", "café “quoted” €")]
    [InlineData("text/plain; charset=koi8-r", "8bit", "\u00D0\u00D2\u00C9\u00D7\u00C5\u00D4", "привет")]
    [InlineData("text/plain", "quoted-printable", "caf=C3=A9", "café")] // no charset: UTF-8 when the bytes are UTF-8
    [InlineData("text/plain", "quoted-printable", "caf=E9 ok", "café ok")] // ...else ISO-8859-1
    [InlineData("text/plain", "quoted-printable", "caf=E9", "caf")] // MimeKit's quirk: an unfinished UTF-8 sequence at the end is dropped
    [InlineData("text/plain; charset=utf-8", "quoted-printable", "a=C3=28b", "a\uFFFD(b")] // a declared charset replaces what it cannot read
    [InlineData("text/plain", "base64", "77u/aGk=", "\uFEFFhi")] // a UTF-8 byte-order mark picks UTF-8 and is kept, as MimeKit keeps it
    public void Of_ChoosesTheCharsetAndLineEndsAsMimeKitDoes(string contentType, string transferEncoding, string body, string expected)
    {
        var mime = $"From: a@x.example\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\nContent-Transfer-Encoding: {transferEncoding}\r\n\r\n{body}";
        var part = (TextPart)MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(mime))).Body;
        MimeCharsets.EnsureRegistered(); // as the product's readers do before MimeKit decodes

        Assert.Equal(part.Text, MimeText.Of(part));
        Assert.Equal(expected, MimeText.Of(part));
    }

    // The decoded bytes of a 6 MB base64 body went to the shared pool (the next rent of its size on this thread got
    // the very array back), where a buffer that large stays for the life of the process.
    [Fact]
    public void TryDecodePooled_OfAHugeBody_LeavesNoBufferInTheSharedPool()
    {
        var body = Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('x', 6 * 1024 * 1024)), Base64FormattingOptions.InsertLineBreaks);
        var mime = Encoding.ASCII.GetBytes(
            $"From: a@x.example\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}");
        var part = (TextPart)MimeMessage.Load(new MemoryStream(mime, 0, mime.Length, writable: false, publiclyVisible: true), persistent: true).Body!;
        Assert.True(MimePartBytes.TryDecodePooled(part, out var buffer, out var length), "the test needs the body decoded in place");
        Assert.Equal(6 * 1024 * 1024, length);
        Assert.True(buffer.AsSpan(0, length).IndexOfAnyExcept((byte)'x') < 0);

        MimePartBytes.Return(buffer);

        var next = System.Buffers.ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            Assert.NotSame(buffer, next);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(next);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("utf-8")]
    [InlineData("iso-8859-1")]
    [InlineData("windows-1252")]
    [InlineData("koi8-r")]
    [InlineData("shift_jis")]
    [InlineData("ibm037")]
    public void Of_RandomBytesWithLineEnds_InPlaceAndDecoded_EqualsMimeKitsText(string? charset)
    {
        // Pieces that meet at the edges: CR and LF in every order, UTF-8 sequences whole, cut short and invalid.
        byte[][] pieces = [[(byte)'a'], [(byte)'\r'], [(byte)'\n'], [(byte)'\r', (byte)'\n'], [0xC3, 0xA9], [0xE2, 0x82, 0xAC],
            [0xE2, 0x82], [0xC3], [0x80], [0xE9], [0xF0, 0x9F, 0x98], [0x25], [0x15]];
        MimeCharsets.EnsureRegistered();
        var random = new Random(29);
        var contentType = charset is null ? "text/plain" : $"text/plain; charset={charset}";
        var differing = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var body = new List<byte>();
            for (var n = random.Next(1, 12); n > 0; n--)
                body.AddRange(pieces[random.Next(pieces.Length)]);
            foreach (var base64 in new[] { false, true })
            {
                var encoded = base64 ? Encoding.ASCII.GetBytes(Convert.ToBase64String(body.ToArray())) : body.ToArray();
                var mime = Encoding.ASCII.GetBytes($"From: a@x.example\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n" +
                                                   $"Content-Transfer-Encoding: {(base64 ? "base64" : "8bit")}\r\n\r\n")
                    .Concat(encoded).ToArray();
                var part = (TextPart)MimeMessage.Load(new MemoryStream(mime, 0, mime.Length, writable: false, publiclyVisible: true), persistent: true).Body!;
                if (MimeText.Of(part) != part.Text)
                    differing.Add($"{(base64 ? "base64" : "8bit")}: {Convert.ToHexString(body.ToArray())}");
            }
        }
        Assert.Empty(differing);
    }

    [Fact]
    public void Of_EveryMixOfCrAndLfUpToEightLong_ReadInPlace_EqualsMimeKitsText()
    {
        // Line ends are made Unix in the decoded chars, in place: every arrangement of CR, LF and text, read where it
        // lies as the offline scan reads it, against MimeKit's own filter.
        MimeCharsets.EnsureRegistered();
        var differing = new List<string>();
        foreach (var body in Arrangements("a\r\n", 8))
        {
            var mime = Encoding.ASCII.GetBytes(
                $"From: a@x.example\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body}");
            var part = (TextPart)MimeMessage.Load(new MemoryStream(mime, 0, mime.Length, writable: false, publiclyVisible: true), persistent: true).Body!;
            Assert.True(MimePartBytes.TryUnencoded(part, out _), "the test needs the body read in place");
            if (MimeText.Of(part) != part.Text)
                differing.Add(body.Replace("\r", "<CR>", StringComparison.Ordinal).Replace("\n", "<LF>", StringComparison.Ordinal));
        }
        Assert.Empty(differing);
    }

    private static IEnumerable<string> Arrangements(string alphabet, int maxLength)
    {
        IEnumerable<string> level = [""];
        for (var length = 1; length <= maxLength; length++)
        {
            level = level.SelectMany(prefix => alphabet.Select(c => prefix + c)).ToList();
            foreach (var body in level)
                yield return body;
        }
    }
}
