using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Remediation;
using M365Scanner.Core.Tests.TestSupport;
using Xunit.Abstractions;
using static M365Scanner.Core.Tests.Remediation.RemediationTestSupport;

namespace M365Scanner.Core.Tests.Remediation;

public class LinkRewriterPdfTests(ITestOutputHelper output)
{
    private static readonly PdfLinkExtractor Pdf = new(ExtractionLimits.Default);

    private static EmailMessage WithPdf(byte[] pdf, string name = "doc.pdf") =>
        new() { HtmlBody = "<p>See the attachment.</p>", Attachments = [Attachment(name, "application/pdf", pdf)] };

    private static List<(string Url, LinkSource Source)> PdfLinks(ReadOnlyMemory<byte> pdf)
    {
        var notes = new List<string>();
        var links = Pdf.Extract(pdf, "attachment:doc.pdf", notes);
        Assert.DoesNotContain(notes, n => n.StartsWith("pdf could not be read", StringComparison.Ordinal));
        return links.Select(l => (l.Url, l.Source)).ToList();
    }

    private static byte[] AssertAppendedTo(byte[] original, RewriteResult result)
    {
        var rewritten = Assert.Single(result.Attachments).Content.ToArray();
        Assert.True(rewritten.Length > original.Length);
        Assert.True(rewritten.AsSpan(0, original.Length).SequenceEqual(original), "the original bytes are not a prefix");
        return rewritten;
    }

    [Fact]
    public void Rewrite_AppendsIncrementalUpdate_ForOpenOfficeHyperlinkSample()
    {
        var original = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf"));

        var result = RewriteUrls(WithPdf(original), "https://duckduckgo.com/");

        // The link's text on the page is the URL itself: the annotation is rewritten, but the printed URL stays
        // readable (and copyable), which the caller must know.
        var printed = Assert.Single(result.NotRewritten);
        Assert.Equal(NotRewrittenReason.PdfPageText, printed.Reason);
        Assert.Null(result.HtmlBody);
        var rewritten = AssertAppendedTo(original, result);
        Assert.Equal([(Blocked, LinkSource.PdfAnnotation), ("https://github.com/", LinkSource.PdfAnnotation),
            ("https://duckduckgo.com/", LinkSource.Text)], PdfLinks(rewritten));
        var update = System.Text.Encoding.Latin1.GetString(rewritten, original.Length, rewritten.Length - original.Length);
        output.WriteLine(update);
        Assert.EndsWith("%%EOF\n", update);
        PdfUpdateAssert.IsValidUpdate(original, rewritten, expectStream: false);
    }

    [Fact]
    public void Rewrite_RewritesEveryAnnotationOfTheUrl_AndKeepsOthers_InMinimalPdf()
    {
        var original = MinimalPdf.Build(
            new MinimalPage(["Click here", "Or there"], [
                MinimalPdf.UriLink("https://evil.example/x"),
                MinimalPdf.UriLink("https://good.example/", "[70 740 400 760]")]),
            new MinimalPage(["Page two"], [MinimalPdf.UriLink("https://evil.example/x")]));

        var result = RewriteUrls(WithPdf(original), "https://evil.example/x");

        Assert.Empty(result.NotRewritten);
        var rewritten = AssertAppendedTo(original, result);
        Assert.Equal([(Blocked, LinkSource.PdfAnnotation), ("https://good.example/", LinkSource.PdfAnnotation),
            (Blocked, LinkSource.PdfAnnotation)], PdfLinks(rewritten));
        // Objects 6 (page 1) and 10 (page 2) are the annotations with the URL inline; nothing else is redefined.
        Assert.Equal([6, 10], PdfUpdateAssert.IsValidUpdate(original, rewritten, expectStream: false));
    }

    [Fact]
    public void Rewrite_RewritesIndirectActionAndIndirectUriString()
    {
        // An annotation whose /A is a reference (to object 8), and one whose /URI is a reference to a string object (9).
        // MinimalPdf numbers the page's "annotations" 6 to 9 in order (and lists 8 and 9 in /Annots too, where the
        // extractor finds no link of their own), so the action and the string get the numbers the first two name.
        var original = MinimalPdf.Build(new MinimalPage(["Links"], [
            "<< /Type /Annot /Subtype /Link /Rect [70 760 400 780] /A 8 0 R >>",
            "<< /Type /Annot /Subtype /Link /Rect [70 700 400 720] /A << /S /URI /URI 9 0 R >> >>",
            "<< /S /URI /URI (https://evil.example/a) >>",
            "(https://evil.example/b)"]));
        var message = WithPdf(original);
        var links = Extractor.Extract(message).Links.Where(l => l.Source == LinkSource.PdfAnnotation).ToList();
        Assert.Equal(["https://evil.example/a", "https://evil.example/b"], links.Select(l => l.Url));

        var result = Rewriter.Rewrite(message, links, l => Blocked + "&for=" + l.Url[^1]);

        Assert.Empty(result.NotRewritten);
        var rewritten = AssertAppendedTo(original, result);
        Assert.Equal([(Blocked + "&for=a", LinkSource.PdfAnnotation), (Blocked + "&for=b", LinkSource.PdfAnnotation)],
            PdfLinks(rewritten));
        // The action object and the string object, not the annotations that refer to them.
        Assert.Equal([8, 9], PdfUpdateAssert.IsValidUpdate(original, rewritten, expectStream: false));
    }

    [Fact]
    public void Rewrite_ReportsPdfEncrypted_ForEncryptedPdf()
    {
        var original = MinimalPdf.BuildEncrypted("Pay now", "https://evil.example/pay", userPassword: "");
        var message = WithPdf(original);

        var result = RewriteUrls(message, "https://evil.example/pay");

        var failure = Assert.Single(result.NotRewritten);
        Assert.Equal(NotRewrittenReason.PdfEncrypted, failure.Reason);
        Assert.Equal("https://evil.example/pay", failure.Link.Url);
        Assert.Empty(result.Attachments);
    }

    [Fact]
    public void Rewrite_ReportsPdfPageText_ForUrlWrittenOnlyInPageText()
    {
        var original = MinimalPdf.Build(new MinimalPage(["Log in at https://evil.example/text today"], []));

        var result = RewriteUrls(WithPdf(original), "https://evil.example/text");

        var failure = Assert.Single(result.NotRewritten);
        Assert.Equal(NotRewrittenReason.PdfPageText, failure.Reason);
        Assert.Equal(LinkSource.Text, failure.Link.Source);
        Assert.Empty(result.Attachments);
    }

    [Fact]
    public void Rewrite_RewritesAnnotationButReportsPageText_WhenTheUrlIsAlsoPrinted()
    {
        var original = MinimalPdf.Build(new MinimalPage(["https://evil.example/both"], [MinimalPdf.UriLink("https://evil.example/both")]));

        var result = RewriteUrls(WithPdf(original), "https://evil.example/both");

        Assert.Equal(NotRewrittenReason.PdfPageText, Assert.Single(result.NotRewritten).Reason);
        var rewritten = AssertAppendedTo(original, result);
        Assert.Contains((Blocked, LinkSource.PdfAnnotation), PdfLinks(rewritten));
    }

    public static TheoryData<string> PhishingPdfsInObjectStreams() => new("sample-1051.eml", "sample-1246.eml");

    [Theory]
    [MemberData(nameof(PhishingPdfsInObjectStreams))]
    public void Rewrite_SupersedesObjectsInObjectStreams_ForPhishingPdf(string file)
    {
        var message = EmlReader.Read(File.ReadAllBytes(SharedData.PathOf("phishing", file)));
        var index = message.Attachments.ToList().FindIndex(a => PdfLinkExtractor.LooksLikePdf(a.Content.Span));
        var original = message.Attachments[index].Content.ToArray();
        Assert.True(original.AsSpan().IndexOf("/ObjStm"u8) >= 0, "expected a PDF with object streams");
        Assert.True(original.AsSpan().IndexOf("/URI"u8) < 0, "expected the URIs to be inside compressed object streams");
        var before = Extractor.Extract(message).Links;
        var offending = before.Where(l => l.Source == LinkSource.PdfAnnotation).ToList();
        output.WriteLine(string.Join("\n", before.Select(l => $"{l.Source} {l.Origin} {l.Url}")));
        Assert.NotEmpty(offending);

        var result = Rewriter.Rewrite(message, offending, _ => Blocked);

        Assert.DoesNotContain(result.NotRewritten, n => n.Reason != NotRewrittenReason.PdfPageText);
        var rewritten = Assert.Single(result.Attachments);
        Assert.Equal(index, rewritten.Index);
        var redefined = PdfUpdateAssert.IsValidUpdate(original, rewritten.Content.ToArray(), expectStream: true);
        output.WriteLine($"redefined objects: {string.Join(", ", redefined)}");
        var after = Extractor.Extract(Apply(message, result)).Links;
        Assert.DoesNotContain(after, l => l.Source == LinkSource.PdfAnnotation && offending.Any(o => o.Url == l.Url));
        Assert.Contains(after, l => l.Url == Blocked && l.Source == LinkSource.PdfAnnotation);
    }
}
