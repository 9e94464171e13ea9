using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;
using M365Scanner.Core.Tests.TestSupport;
using static M365Scanner.Core.Tests.Remediation.RemediationTestSupport;

namespace M365Scanner.Core.Tests.Remediation;

public class LinkRewriterRoundTripTests
{
    private const string Evil = "https://evil.example/login?u=victim&s=1";
    private const string Evil2 = "http://www.evil2.example/x";

    private static EmailMessage Message() => new()
    {
        HtmlBody = $"<p>Hi, <a href=\"{Evil.Replace("&", "&amp;")}\">sign in</a> or see <a href=\"https://good.example/a\">docs</a>.</p>" +
                   $"<p>Backup: {Evil2}</p>",
        TextBody = $"Hi, sign in: {Evil}\nDocs: https://good.example/a\nBackup: {Evil2}",
        Attachments =
        [
            Attachment("scan.png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
            Attachment("invoice.pdf", "application/pdf", MinimalPdf.Build(new MinimalPage(["Invoice 42", "Thank you"], [
                MinimalPdf.UriLink(Evil), MinimalPdf.UriLink("https://good.example/pdf", "[70 740 400 760]")]))),
            TextAttachment("form.html", "text/html", $"<form action='{Evil2}'><input name=pw></form><a href=https://good.example/h>h</a>"),
            TextAttachment("readme.txt", "text/plain", $"Open {Evil2} now, not https://good.example/t"),
        ],
    };

    [Fact]
    public void Rewrite_LeavesNoOffendingUrlAndEveryOtherLinkUnchanged_WhenExtractedAgain()
    {
        var message = Message();
        var before = Summary(message);

        var offending = Extractor.Extract(message).Links.Where(l => l.Url is Evil or Evil2).ToList();
        // One blocked URL per offending URL, so the copy shows which replaced which.
        static string BlockedFor(string url) => Blocked + (url == Evil ? "&n=1" : "&n=2");

        var result = Rewriter.Rewrite(message, offending, l => BlockedFor(l.Url));

        Assert.Empty(result.NotRewritten);
        Assert.Equal([1, 2, 3], result.Attachments.Select(a => a.Index));
        var after = Summary(Apply(message, result));
        Assert.DoesNotContain(after, l => l.Url is Evil or Evil2);
        Assert.Equal(
            before.Where(l => l.Url is not (Evil or Evil2)),
            after.Where(l => !l.Url.StartsWith(Blocked, StringComparison.Ordinal)));
        // Every offending occurrence became its blocked link, in the same place.
        Assert.Equal(
            before.Where(l => l.Url is Evil or Evil2).Select(l => (BlockedFor(l.Url), l.Origin, l.Source)),
            after.Where(l => l.Url.StartsWith(Blocked, StringComparison.Ordinal)));
    }

    [Fact]
    public void Rewrite_ReportsInsideAttachedMessage_ForLinkInAnEml()
    {
        var inner = Encoding.ASCII.GetBytes(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\nGo to https://evil.example/inner\r\n");
        var message = new EmailMessage { TextBody = "fwd", Attachments = [Attachment("fwd.eml", "message/rfc822", inner)] };

        var result = RewriteUrls(message, "https://evil.example/inner");

        var failure = Assert.Single(result.NotRewritten);
        Assert.Equal(NotRewrittenReason.InsideAttachedMessage, failure.Reason);
        Assert.Equal("attachment:fwd.eml", failure.Link.Origin);
        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Rewrite_ReportsOfficeDocument_ForHyperlinkInDocx()
    {
        var message = new EmailMessage { Attachments = [Attachment("report.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Docx("https://evil.example/doc"))] };

        var result = RewriteUrls(message, "https://evil.example/doc");

        Assert.Equal(NotRewrittenReason.OfficeDocument, Assert.Single(result.NotRewritten).Reason);
        Assert.Empty(result.Attachments);
    }

    [Fact]
    public void Rewrite_ReportsContainerNotFound_ForAnOriginTheMessageDoesNotHave()
    {
        var link = Extractor.Extract(new EmailMessage { TextBody = "https://evil.example/" }).Links.Single() with
        {
            Origin = "attachment:gone.pdf/page 1",
        };

        var result = Rewriter.Rewrite(new EmailMessage { TextBody = "https://evil.example/" }, [link], _ => Blocked);

        Assert.Equal(NotRewrittenReason.ContainerNotFound, Assert.Single(result.NotRewritten).Reason);
        Assert.False(result.HasChanges);
    }

    [Fact]
    public void Rewrite_ReturnsNothing_WhenNoLinkIsOffending()
    {
        var result = Rewriter.Rewrite(Message(), [], _ => Blocked);

        Assert.True(result.IsComplete);
        Assert.False(result.HasChanges);
    }

    private static byte[] Docx(string url)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            Entry("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
            Entry("word/_rels/document.xml.rels",
                "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"{url}\" TargetMode=\"External\"/>" +
                "</Relationships>");
        }
        return stream.ToArray();
    }
}
