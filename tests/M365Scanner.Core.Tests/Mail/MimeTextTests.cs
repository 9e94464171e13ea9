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
