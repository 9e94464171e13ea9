using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class MessageLinkExtractorTests
{
    private static EmailAttachment Attachment(string name, string type, byte[] content) => new(name, type, content, content.Length);

    private static EmailAttachment Attachment(string name, string type, string content) => Attachment(name, type, Encoding.UTF8.GetBytes(content));

    private static ExtractionResult Extract(EmailMessage message, ExtractionLimits? limits = null) =>
        new MessageLinkExtractor(limits).Extract(message);

    private static IEnumerable<(string Target, string Origin)> Pairs(ExtractionResult result) =>
        result.Links.Select(l => (l.Target, l.Origin));

    [Fact]
    public void Extract_NamesEachOrigin_ForBodyAndEveryAttachmentKind()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["Terms at https://text.pdf.example/t"], [MinimalPdf.UriLink("https://annot.pdf.example/a")]));
        var message = new EmailMessage
        {
            HtmlBody = """<a href="https://body.example/">body</a>""",
            Attachments =
            [
                Attachment("invoice.pdf", "application/octet-stream", pdf),
                Attachment("page.htm", "application/octet-stream", """<form action="https://form.example/post"></form>"""),
                Attachment("notes.txt", "text/plain", "see www.text-attachment.example"),
                Attachment("logo.png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
            ],
        };

        var result = Extract(message);

        Assert.Equal(
        [
            ("https://body.example/", "body"),
            ("https://annot.pdf.example/a", "attachment:invoice.pdf/page 1"),
            ("https://text.pdf.example/t", "attachment:invoice.pdf/page 1"),
            ("https://form.example/post", "attachment:page.htm"),
            ("http://www.text-attachment.example/", "attachment:notes.txt"),
        ], Pairs(result));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Extract_FollowsAttachedMessages_WithNestedOrigins()
    {
        var inner = "From: a@x.example\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\nhttps://inner.example/x\r\n";
        var message = new EmailMessage
        {
            TextBody = "fwd",
            Attachments = [Attachment("fwd.eml", "message/rfc822", inner)],
        };

        Assert.Equal([("https://inner.example/x", "attachment:fwd.eml")], Pairs(Extract(message)));
    }

    [Fact]
    public void Extract_StopsAtDepthLimit_WithNote()
    {
        var eml = "From: a@x.example\r\nContent-Type: text/plain\r\n\r\nhttps://deep.example/\r\n";
        var message = new EmailMessage { Attachments = [Attachment("fwd.eml", "message/rfc822", eml)] };

        var result = Extract(message, new ExtractionLimits { MaxNestingDepth = 0 });

        Assert.Empty(result.Links);
        Assert.Contains(result.Notes, n => n.Contains("fwd.eml") && n.Contains("nesting"));
    }

    [Fact]
    public void Extract_NotesAGap_ForAnAttachedMessageWithAHeaderFoldedOverTooManyLines()
    {
        var message = new EmailMessage { Attachments = [Attachment("fwd.eml", "message/rfc822", FoldedHeaderMessage.Build())] };

        var note = Assert.Single(Extract(message).Notes);

        Assert.StartsWith("attached message could not be read: fwd.eml: not read: its header fields would make", note);
        Assert.True(ContentGaps.IsGap(note));
    }

    [Fact]
    public void Extract_NotesAGap_ForAnAttachedMessageWhoseParseOverrunsTheBudget()
    {
        var inner = "From: a@inner.example\r\nSubject: inner\r\n\r\nhttps://inner.example/x\r\n";
        var message = new EmailMessage { Attachments = [Attachment("fwd.eml", "message/rfc822", inner)] };

        var result = Extract(message, new ExtractionLimits { MimeParseBudget = TimeSpan.Zero });

        var note = Assert.Single(result.Notes);
        Assert.StartsWith("attached message could not be read: fwd.eml: not read: parsing its MIME structure took longer than 0 s", note);
        Assert.True(ContentGaps.IsGap(note));
        Assert.Empty(result.Links);
    }

    [Fact]
    public void Extract_SkipsOversizedAttachment_WithNote()
    {
        var message = new EmailMessage { Attachments = [Attachment("big.txt", "text/plain", "https://x.example/ " + new string('a', 2000))] };

        var result = Extract(message, new ExtractionLimits { MaxAttachmentBytes = 1000 });

        Assert.Empty(result.Links);
        Assert.Contains(result.Notes, n => n.StartsWith("attachment too large to scan: big.txt"));
    }

    [Fact]
    public void Extract_ReadsOfficeHyperlinks_WhenDocxIsAttached()
    {
        var message = new EmailMessage { Attachments = [Attachment("report.docx", "application/octet-stream", Docx("https://office.example/doc"))] };

        Assert.Equal([("https://office.example/doc", "attachment:report.docx")], Pairs(Extract(message)));
    }

    [Fact]
    public void Extract_ReportsUrlOnce_WhenHtmlAndTextBodiesRepeatIt()
    {
        var message = new EmailMessage
        {
            HtmlBody = """<a href="https://same.example/p">Open</a>""",
            TextBody = "Open https://same.example/p",
        };

        var link = Assert.Single(Extract(message).Links);
        Assert.Equal("Open", link.Text);
    }

    [Fact]
    public void Extract_UnwrapsGatewayLinks_KeepingWhatWasWritten()
    {
        const string wrapped = "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example%2Flogin&data=x";
        var link = Assert.Single(Extract(new EmailMessage { TextBody = wrapped }).Links);
        Assert.Equal((wrapped, "https://evil.example/login", "evil.example"), (link.Url, link.Target, link.RegistrableDomain));
        Assert.Equal(["safelinks"], link.WrappedBy);
    }

    [Fact]
    public void Extract_CapsLinksPerMessage_WithNote()
    {
        var text = string.Join(" ", Enumerable.Range(0, 50).Select(i => $"https://h{i}.example/"));
        var result = Extract(new EmailMessage { TextBody = text }, new ExtractionLimits { MaxLinksPerMessage = 10 });
        Assert.Equal(10, result.Links.Count);
        Assert.Contains(result.Notes, n => n.Contains("too many links"));
    }

    [Fact]
    public void Extract_NotesAndSearchesRawText_WhenMimeNestsDeeperThanTheParserGoes()
    {
        static string Deep(int n) => n == 0
            ? "Content-Type: text/plain\n\nclick https://deep.example/login now\n"
            : $"Content-Type: multipart/mixed; boundary=\"b{n}\"\n\n--b{n}\n{Deep(n - 1)}\n--b{n}--\n";
        var message = EmlReader.Read(Encoding.ASCII.GetBytes("From: a@b.example\nTo: c@d.example\nSubject: deep\nMIME-Version: 1.0\n" + Deep(100)));
        var result = Extract(message);
        Assert.Contains("https://deep.example/login", result.Links.Select(l => l.Target));
        Assert.Contains(result.Gaps, g => g.StartsWith("mime nesting too deep:", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NotesTheLink_WhenWrappedInMoreLayersThanAreUnwrapped()
    {
        var url = "https://deep.example/login";
        for (var i = 0; i < 6; i++)
            url = "https://nam12.safelinks.protection.outlook.com/?url=" + Uri.EscapeDataString(url) + "&data=x&reserved=0";
        var result = Extract(new EmailMessage { HtmlBody = $"<a href=\"{url}\">open</a>" });
        var link = Assert.Single(result.Links);
        Assert.True(link.IsWrappedTooDeep);
        Assert.Contains(result.Gaps, g => g.StartsWith("link not unwrapped: body:", StringComparison.Ordinal));
    }

    private static byte[] Docx(string url)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Put(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
            Put("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Put("word/_rels/document.xml.rels", $"""<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="{url}" TargetMode="External"/></Relationships>""");
        }
        return buffer.ToArray();
    }
}
