using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

/// <summary>A message parsed from bytes in memory is read where it lies: a part with no transfer encoding is not
/// copied, and a large base64 attachment is decoded only when a reader wants more than its first bytes; either way the
/// bytes are exactly what MimeKit decodes.</summary>
public class PartsReadInPlaceTests
{
    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    public void EveryLargeBase64PartOfTheCorpus_ReadInPlace_DecodesAsMimeKitDoes(string corpus)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var parts = 0;
        var differing = new List<string>();
        foreach (var (file, message) in CorpusMime.Messages(folder, inPlace: true))
        {
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                if (!Base64InPlace.TryFind(part, out var encoded) || encoded.Count <= 4 * EmailAttachment.SniffLength)
                    continue;
                parts++;
                var expected = new MemoryStream();
                part.Content.DecodeTo(expected);
                var whole = expected.ToArray();
                var first = Base64InPlace.FirstBytes(encoded, EmailAttachment.SniffLength);
                var size = Base64InPlace.DecodedSize(encoded);
                var name = $"{file}: {part.ContentType.MimeType}";
                if (!Base64InPlace.Decode(encoded).Span.SequenceEqual(whole))
                    differing.Add($"{name}: decoded differently");
                if (first is not { } head || head.Length < EmailAttachment.SniffLength || !whole.AsSpan().StartsWith(head.Span))
                    differing.Add($"{name}: first bytes are not the decoded content's first {EmailAttachment.SniffLength}");
                if (size != whole.Length)
                    differing.Add($"{name}: size {size} for {whole.Length} bytes");
            }
        }
        Assert.True(parts > 100, $"only {parts} large base64 parts under {folder}");
        Assert.Empty(differing);
    }

    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    public void EveryUnencodedPartOfTheCorpus_ReadInPlace_IsWhatMimeKitDecodes(string corpus)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var parts = 0;
        var differing = new List<string>();
        foreach (var (file, message) in CorpusMime.Messages(folder, inPlace: true))
        {
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                if (!MimePartBytes.TryUnencoded(part, out var content))
                    continue;
                parts++;
                var expected = new MemoryStream();
                part.Content.DecodeTo(expected);
                if (!content.AsSpan().SequenceEqual(expected.ToArray()))
                    differing.Add($"{file}: {part.ContentType.MimeType}");
            }
        }
        Assert.True(parts > 100, $"only {parts} unencoded parts under {folder}");
        Assert.Empty(differing);
    }

    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    public void EveryMessageOfTheCorpus_ReadFromBytes_IsWhatReadingAStreamGives(string corpus)
    {
        // The golden and corpus extraction tests read streams; the offline scan and attached messages read bytes, in
        // place. Whatever is read where it lies must come out as the copying read gives it.
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var messages = 0;
        var differing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            EmailMessage copied;
            try
            {
                copied = EmlReader.Read(new MemoryStream(bytes, writable: false));
            }
            catch (FormatException)
            {
                continue;
            }
            var inPlace = EmlReader.Read(bytes);
            messages++;
            var name = Path.GetRelativePath(folder, file);
            if (inPlace.TextBody != copied.TextBody || inPlace.HtmlBody != copied.HtmlBody)
                differing.Add($"{name}: bodies");
            if (inPlace.Attachments.Count != copied.Attachments.Count)
            {
                differing.Add($"{name}: {inPlace.Attachments.Count} attachments for {copied.Attachments.Count}");
                continue;
            }
            foreach (var (read, expected) in inPlace.Attachments.Zip(copied.Attachments))
            {
                if (read.FileName != expected.FileName || read.ContentType != expected.ContentType || read.IsInline != expected.IsInline ||
                    read.Size != expected.Size || read.HasContent != expected.HasContent ||
                    !expected.Content.Span.StartsWith(read.FirstBytes.Span) || !read.Content.Span.SequenceEqual(expected.Content.Span))
                    differing.Add($"{name}: {expected.FileName}");
            }
        }
        Assert.True(messages > 1000, $"only {messages} messages under {folder}");
        Assert.Empty(differing);
    }

    [Fact]
    public void Read_ALargeBase64Attachment_HasItsFirstBytesAndSize_AndItsContentWhenAsked()
    {
        var image = RandomBytes(60_000, seed: 1);
        var attachment = Assert.Single(EmlReader.Read(Message(("photo.png", "image/png", image))).Attachments);

        Assert.True(attachment.HasContent);
        Assert.True(attachment.FirstBytes.Length >= EmailAttachment.SniffLength);
        Assert.True(image.AsSpan().StartsWith(attachment.FirstBytes.Span));
        Assert.Equal(image.Length, attachment.Size);
        Assert.Equal(image, attachment.Content.ToArray());
        Assert.Equal(image, attachment.FirstBytes.ToArray()); // once decoded, the first bytes are all of them
    }

    [Fact]
    public void Read_AMessageInTheMiddleOfALargerArray_ReadsItsPartsWhereTheyLie()
    {
        var image = RandomBytes(60_000, seed: 7);
        var mime = Encoding.ASCII.GetBytes(
            "From: ann@a.example\r\nSubject: Files\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n" +
            "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
            "--b\r\nContent-Type: text/csv; name=\"list.csv\"\r\nContent-Transfer-Encoding: 7bit\r\n\r\na,b\r\nc,d\r\n" +
            "--b\r\nContent-Type: image/png; name=\"photo.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            Convert.ToBase64String(image, Base64FormattingOptions.InsertLineBreaks) + "\r\n--b--\r\n");
        // Other bytes before and after, as a buffer holding more than the message would have them.
        var buffer = new byte[mime.Length + 200];
        buffer.AsSpan().Fill((byte)'=');
        mime.CopyTo(buffer, 100);

        var message = EmlReader.Read(new ReadOnlyMemory<byte>(buffer, 100, mime.Length));

        Assert.Equal("See attached.", message.TextBody);
        Assert.Equal("a,b\r\nc,d"u8.ToArray(), message.Attachments[0].Content.ToArray());
        Assert.Equal(image.Length, message.Attachments[1].Size);
        Assert.Equal(image, message.Attachments[1].Content.ToArray());
    }

    [Fact]
    public void With_NewContent_ReplacesContentNotYetDecoded()
    {
        var attachment = Assert.Single(EmlReader.Read(Message(("photo.png", "image/png", RandomBytes(60_000, seed: 2)))).Attachments);

        var replaced = attachment with { Content = new byte[] { 1, 2, 3 }, Size = 3 };

        Assert.Equal(new byte[] { 1, 2, 3 }, replaced.Content.ToArray());
        Assert.Equal(new byte[] { 1, 2, 3 }, replaced.FirstBytes.ToArray());
    }

    [Fact]
    public void ToString_OfAnAttachmentNotYetDecoded_NamesItWithoutDecodingIt()
    {
        var decoded = 0;
        var attachment = EmailAttachment.DecodedOnFirstUse("photo.png", "image/png", new byte[] { 1, 2, 3 }, 60_000, isInline: false,
            () =>
            {
                decoded++;
                return new byte[60_000];
            });

        var printed = attachment.ToString();

        Assert.Equal("EmailAttachment { FileName = photo.png, ContentType = image/png, Size = 60000, IsInline = False }", printed);
        Assert.Equal(0, decoded);
    }

    [Fact]
    public void ReadAndExtract_AMessageWithALargeImage_NeverDecodesTheImage()
    {
        const int imageBytes = 4_000_000;
        var mime = Message(("photo.png", "image/png", RandomBytes(imageBytes, seed: 3)));
        var extractor = new MessageLinkExtractor();
        extractor.Extract(EmlReader.Read(mime)); // warm: what is allocated once per process is not the image

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = extractor.Extract(EmlReader.Read(mime));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(result.Notes);
        Assert.True(allocated < imageBytes / 4, $"extraction allocated {allocated:N0} bytes for a message whose image is {imageBytes:N0}");
    }

    [Theory]
    [InlineData("QQ==")] // one byte a quartet
    [InlineData("QUI=")] // two
    [InlineData("=QUJ")] // a '=' first in a quartet is a character like any other: three
    [InlineData("Q=UJ")] // none
    public void Read_ABase64AttachmentWithPaddingAllThrough_HasTheSizeMimeKitDecodes(string quartet)
    {
        // A hostile sender's base64: ordinary for the first bytes, then padding in every quartet.
        var head = Convert.ToBase64String(RandomBytes(3_000, seed: 5), Base64FormattingOptions.InsertLineBreaks);
        var tail = string.Join("\r\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat(quartet, 19)), 2_000));
        var mime = Mime(head + "\r\n" + tail);
        var expected = new MemoryStream();
        ((MimePart)MimeMessage.Load(new MemoryStream(mime)).BodyParts.Last()).Content!.DecodeTo(expected);

        var attachment = Assert.Single(EmlReader.Read(mime).Attachments);

        Assert.True(attachment.FirstBytes.Length >= EmailAttachment.SniffLength, "the test needs the attachment decoded on first use");
        Assert.Equal(expected.Length, attachment.Size);
        Assert.Equal(expected.ToArray(), attachment.Content.ToArray());
    }

    [Fact]
    public void Extract_AnAttachmentAtTheLimitWithPaddingAllThrough_IsScannedNotTooLarge()
    {
        var head = Convert.ToBase64String(RandomBytes(3_000, seed: 6), Base64FormattingOptions.InsertLineBreaks);
        var tail = string.Join("\r\n", Enumerable.Repeat(string.Concat(Enumerable.Repeat("aA==", 19)), 2_000));
        var mime = Mime(head + "\r\n" + tail);
        var decoded = Assert.Single(EmlReader.Read(new MemoryStream(mime)).Attachments).Content.Length;

        var result = new MessageLinkExtractor(new ExtractionLimits { MaxAttachmentBytes = decoded }).Extract(EmlReader.Read(mime));

        Assert.DoesNotContain(result.Notes, n => n.Contains("too large", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_AZipWhoseOfficeManifestIsPastTheFirstBytes_IsStillAnOfficeDocument()
    {
        var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var media = zip.CreateEntry("word/media/image1.bin", CompressionLevel.NoCompression).Open())
                media.Write(RandomBytes(20_000, seed: 4));
            using var manifest = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            manifest.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        }
        var attachment = Assert.Single(EmlReader.Read(Message(("report.docx", "application/octet-stream", package.ToArray()))).Attachments);
        Assert.False(attachment.FirstBytes.Span.IndexOf("[Content_Types].xml"u8) >= 0, "the test needs the manifest past the first bytes");

        Assert.Equal(AttachmentKind.Office, AttachmentClassifier.Classify(attachment));
    }

    private static byte[] Message(params (string Name, string Type, byte[] Content)[] attachments)
    {
        var body = new BodyBuilder { TextBody = "See attached." };
        foreach (var (name, type, content) in attachments)
            ((MimePart)body.Attachments.Add(name, content, ContentType.Parse(type))).ContentTransferEncoding = ContentEncoding.Base64;
        var message = new MimeMessage([new MailboxAddress("Ann", "ann@a.example")], [new MailboxAddress("Bob", "bob@b.example")],
            "Files", body.ToMessageBody());
        var bytes = new MemoryStream();
        message.WriteTo(bytes);
        return bytes.ToArray();
    }

    private static byte[] Mime(string base64) => Encoding.ASCII.GetBytes(
        "From: ann@a.example\r\nTo: bob@b.example\r\nSubject: Files\r\nMIME-Version: 1.0\r\n" +
        "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n" +
        "--b\r\nContent-Type: application/octet-stream; name=\"file.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
        base64 + "\r\n--b--\r\n");

    private static byte[] RandomBytes(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }.CopyTo(bytes, 0); // an image by its bytes, as real ones are
        return bytes;
    }
}
