using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Xunit.Abstractions;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfLinkExtractorTests(ITestOutputHelper output)
{
    private const string Origin = "attachment:test.pdf";

    private static (IReadOnlyList<FoundLink> Links, List<string> Notes) Extract(byte[] pdf, ExtractionLimits? limits = null,
        string origin = Origin, params string[] passwords)
    {
        var notes = new List<string>();
        var links = new PdfLinkExtractor(limits ?? ExtractionLimits.Default).Extract(pdf, origin, notes, passwords);
        return (links, notes);
    }

    private static void AssertLinks(byte[] pdf, params (string Url, LinkSource Source, int Page)[] expected)
    {
        var (links, notes) = Extract(pdf);
        Assert.Empty(notes);
        Assert.Equal(expected.Select(e => (e.Url, e.Source, LinkOrigin.Page(Origin, e.Page))),
            links.Select(l => (l.Url, l.Source, l.Origin)));
    }

    private static byte[] BuildPdf(Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont> drawPage, int pages = 1)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var i = 0; i < pages; i++)
            drawPage(builder.AddPage(PageSize.A4), font);
        return builder.Build();
    }

    // ---- LooksLikePdf

    [Theory]
    [InlineData("%PDF-1.7\n...", true)]
    [InlineData("\r\n\r\nsome junk first %PDF-1.4", true)]
    [InlineData("PK\u0003\u0004 a zip", false)]
    [InlineData("", false)]
    public void LooksLikePdf_FindsHeader_WithinFirstKilobyte(string start, bool expected) =>
        Assert.Equal(expected, PdfLinkExtractor.LooksLikePdf(Encoding.Latin1.GetBytes(start)));

    [Fact]
    public void LooksLikePdf_ReturnsFalse_WhenHeaderIsAfterFirstKilobyte() =>
        Assert.False(PdfLinkExtractor.LooksLikePdf(Encoding.Latin1.GetBytes(new string(' ', 1024) + "%PDF-1.7")));

    // ---- Annotations

    [Fact]
    public void Extract_ReturnsAnnotationUri_WhenPdfHasLinkAnnotation()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["Click here to pay"], [MinimalPdf.UriLink("https://pay.example/inv")]));
        var link = Assert.Single(Extract(pdf).Links);
        Assert.Equal(new FoundLink("https://pay.example/inv", "Click here to pay", LinkSource.PdfAnnotation,
            "attachment:test.pdf/page 1"), link);
    }

    [Fact]
    public void Extract_ReturnsAnnotationUri_WhenRectangleCoversNoText()
    {
        // The phishing staple: an invisible link over an image. PdfPig's GetHyperlinks() drops these.
        var pdf = MinimalPdf.Build(new MinimalPage(["Your invoice"], [MinimalPdf.UriLink("https://evil.example/", "[0 0 612 300]")]));
        var link = Assert.Single(Extract(pdf).Links);
        Assert.Equal(("https://evil.example/", (string?)null), (link.Url, link.Text));
    }

    [Fact]
    public void Extract_ReturnsEveryUrlAction_WhenActionsAreNotPlainLinkUris()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["Open"],
        [
            // A form button (widget) that opens a URL.
            "<< /Type /Annot /Subtype /Widget /FT /Btn /Rect [0 0 10 10] /A << /S /URI /URI (https://widget.example/) >> >>",
            // A URI padded with NULs and spaces, and one written as a hex string.
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (\0  https://padded.example/\0 ) >> >>",
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI <68747470733A2F2F6865782E6578616D706C652F> >> >>",
            // Launch with a URL, a URI action on mouse-up (/AA /U) and a chained /Next.
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F << /Type /Filespec /F (https://launch.example/x.exe) >> >> >>",
            "<< /Subtype /Link /Rect [0 0 10 10] /AA << /U << /S /URI /URI (https://mouseup.example/) >> >> >>",
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /Named /N /NextPage /Next << /S /URI /URI (https://next.example/) >> >> >>",
            // Launching a local file is not a link, and a GoTo has no URL.
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F (calc.exe) >> >>",
            "<< /Subtype /Link /Rect [0 0 10 10] /A << /S /GoTo /D [4 0 R /Fit] >> >>",
        ]));
        Assert.Equal(
            ["https://widget.example/", "https://padded.example/", "https://hex.example/", "https://launch.example/x.exe",
             "https://mouseup.example/", "https://next.example/"],
            Extract(pdf).Links.Select(l => l.Url));
    }

    // ---- Page text

    [Fact]
    public void Extract_ReturnsTextUrl_WhenUrlIsDrawnInSeveralRuns()
    {
        // Generators often draw a URL in pieces; the words, not the text runs, make it whole.
        var pdf = BuildPdf((page, font) =>
        {
            var x = 50.0;
            foreach (var piece in new[] { "https://", "split.exa", "mple/pa", "th" })
                x = page.AddText(piece, 12, new PdfPoint(x, 700), font)[^1].EndBaseLine.X;
        });
        AssertLinks(pdf, ("https://split.example/path", LinkSource.Text, 1));
    }

    [Fact]
    public void Extract_EndsTextUrlAtLineEnd_WhenNextLineStartsWithWord()
    {
        // page.Text would read "https://a.example/xThanks".
        var pdf = BuildPdf((page, font) =>
        {
            page.AddText("Pay at https://a.example/x", 12, new PdfPoint(50, 700), font);
            page.AddText("Thanks, www.b.example", 12, new PdfPoint(50, 686), font);
        });
        AssertLinks(pdf, ("https://a.example/x", LinkSource.Text, 1), ("www.b.example", LinkSource.Text, 1));
    }

    [Fact]
    public void Extract_SkipsTextUrl_WhenAnnotationOnSamePageHasIt()
    {
        var pdf = MinimalPdf.Build(
            new MinimalPage(["www.same.example", "https://other.example/"], [MinimalPdf.UriLink("https://www.same.example/")]),
            new MinimalPage(["www.same.example"], []));
        AssertLinks(pdf,
            ("https://www.same.example/", LinkSource.PdfAnnotation, 1),
            ("https://other.example/", LinkSource.Text, 1),
            ("www.same.example", LinkSource.Text, 2));
    }

    // ---- Real PDFs

    [Fact]
    public void Extract_ReturnsBothLinks_ForOpenOfficeHyperlinkSample()
    {
        var (links, notes) = Extract(File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf")));
        Assert.Empty(notes);
        Assert.Equal(
            [("https://duckduckgo.com/", LinkSource.PdfAnnotation, "attachment:test.pdf/page 1"),
             ("https://github.com/", LinkSource.PdfAnnotation, "attachment:test.pdf/page 1")],
            links.Select(l => (l.Url, l.Source, l.Origin)));
        Assert.Equal("GitHub", links[1].Text);
    }

    public static TheoryData<string> BenignPdfs() =>
        new(Directory.GetFiles(SharedData.PathOf("pdf-benign"), "*.pdf").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(BenignPdfs))]
    public void Extract_ReturnsEveryAnnotationUriWithPageOrigin_ForBenignPdf(string file)
    {
        var pdf = File.ReadAllBytes(SharedData.PathOf("pdf-benign", file));
        var origin = LinkOrigin.Attachment(file);
        var (links, notes) = Extract(pdf, origin: origin);

        Assert.Empty(notes);
        var annotationUris = links.Where(l => l.Source == LinkSource.PdfAnnotation).Select(l => l.Url).ToHashSet();
        var rawUris = PdfRawUriScanner.Scan(pdf).ToHashSet();
        Assert.NotEmpty(rawUris);
        Assert.Subset(annotationUris, rawUris);
        Assert.All(links, l => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(origin)}/page [1-9][0-9]*$", l.Origin));
        output.WriteLine($"{file}: {rawUris.Count} distinct /URI values in the bytes, {annotationUris.Count} reported");
    }

    [Fact]
    public void Extract_ReportsEveryRawUri_ForEveryPhishingPdf()
    {
        // The independent count is PdfRawUriScanner: it never touches PdfPig; it reads the /URI entries in the file
        // bytes and in every Flate stream (object streams). The extractor uses it only when PdfPig cannot open a file,
        // which the assertion on the notes rules out here, so the comparison is not circular.
        var extractor = new PdfLinkExtractor(ExtractionLimits.Default);
        int pdfs = 0, encrypted = 0, empty = 0, rawTotal = 0, reportedTotal = 0;
        foreach (var (file, name, bytes) in PhishingPdfAttachments())
        {
            if (bytes.Length == 0)
            {
                empty++;
                continue;
            }
            pdfs++;
            var notes = new List<string>();
            var links = extractor.Extract(bytes, LinkOrigin.Attachment(name), notes);
            if (notes.Any(n => n.EndsWith(": encrypted", StringComparison.Ordinal)))
            {
                // The strings of an encrypted PDF are ciphertext in the bytes: nothing to compare with.
                encrypted++;
                Assert.Empty(links);
                continue;
            }
            Assert.DoesNotContain(notes, n => n.Contains("raw bytes", StringComparison.Ordinal));
            var raw = PdfRawUriScanner.Scan(bytes).ToHashSet();
            var reported = links.Where(l => l.Source == LinkSource.PdfAnnotation).Select(l => l.Url).ToHashSet();
            Assert.True(raw.IsSubsetOf(reported),
                $"{file}: not reported: {string.Join(", ", raw.Except(reported))}");
            rawTotal += raw.Count;
            reportedTotal += reported.Count;
        }
        output.WriteLine($"{pdfs} phishing PDFs ({empty} declared PDF parts were empty): {encrypted} encrypted; " +
                         $"in the others {rawTotal} distinct /URI values in the bytes, {reportedTotal} annotation URIs reported");
        Assert.True(pdfs >= 30, $"expected the phishing set's PDFs, found {pdfs}");
    }

    [Fact]
    public void Extract_ReadsEncryptedPhishingPdf_WhenGivenPasswordFromMessageBody()
    {
        // sample-1628 says "Senha de acesso: 1234" in its body.
        var (_, name, bytes) = PhishingPdfAttachments().Single(a => a.File == "sample-1628.eml" && a.Bytes.Length > 0);
        var (links, notes) = Extract(bytes, origin: LinkOrigin.Attachment(name), passwords: "1234");
        Assert.Empty(notes);
        Assert.Contains(links, l => l.Source == LinkSource.PdfAnnotation && l.Url.StartsWith("http", StringComparison.Ordinal));
    }

    private static IEnumerable<(string File, string Name, byte[] Bytes)> PhishingPdfAttachments()
    {
        foreach (var path in Directory.GetFiles(SharedData.PathOf("phishing"), "*.eml").Order())
        {
            var message = MimeMessage.Load(path);
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                using var content = new MemoryStream();
                part.Content?.DecodeTo(content);
                var bytes = content.ToArray();
                var declared = part.ContentType.MimeType.Contains("pdf", StringComparison.OrdinalIgnoreCase) ||
                               (part.FileName ?? "").EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);
                if (PdfLinkExtractor.LooksLikePdf(bytes) || (declared && bytes.Length == 0))
                    yield return (Path.GetFileName(path), part.FileName ?? "attachment.pdf", bytes);
            }
        }
    }

    // ---- Hostile input

    [Fact]
    public void Extract_RecoversUrisFromBytes_WhenPdfIsTruncated()
    {
        var whole = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "capas.pdf"));
        var (links, notes) = Extract(whole[..(whole.Length / 2)]);

        Assert.StartsWith("pdf read only in part: test.pdf: damaged", Assert.Single(notes));
        Assert.Contains(links, l => l.Url == "http://www.lla.state.la.us/gasb34/summ.htm" && l.Origin == Origin);
    }

    [Fact]
    public void Extract_ReadsPdfAfterRepair_WhenStartxrefOffsetIsCorrupt()
    {
        var pdf = File.ReadAllBytes(SharedData.PathOf("pdf-benign", "Single-Page-Hyperlinks---from-open-office.pdf"));
        var text = Encoding.Latin1.GetString(pdf);
        var digits = text.IndexOfAny("0123456789".ToCharArray(), text.LastIndexOf("startxref", StringComparison.Ordinal));
        pdf[digits] = (byte)(pdf[digits] == '1' ? '2' : '1');

        var (links, notes) = Extract(pdf);
        Assert.StartsWith("pdf damaged: test.pdf: its startxref offset does not point", Assert.Single(notes));
        Assert.Equal(["https://duckduckgo.com/", "https://github.com/"], links.Select(l => l.Url));
    }

    [Fact]
    public void Extract_NotesEncrypted_WhenPdfNeedsUserPassword()
    {
        var pdf = MinimalPdf.BuildEncrypted("Secret https://text.example/", "https://annot.example/", userPassword: "s3cret");
        var (links, notes) = Extract(pdf);
        Assert.Empty(links);
        Assert.Equal(["pdf could not be read: test.pdf: encrypted"], notes);
    }

    [Fact]
    public void Extract_ReadsEncryptedPdf_WhenGivenItsPassword()
    {
        var pdf = MinimalPdf.BuildEncrypted("Secret https://text.example/", "https://annot.example/", userPassword: "s3cret");
        var (links, notes) = Extract(pdf, passwords: ["wrong", "s3cret"]);
        Assert.Empty(notes);
        Assert.Equal(["https://annot.example/", "https://text.example/"], links.Select(l => l.Url));
    }

    [Fact]
    public void Extract_ReadsEncryptedPdf_WhenUserPasswordIsEmpty()
    {
        var pdf = MinimalPdf.BuildEncrypted("Open https://text.example/", "https://annot.example/", userPassword: "");
        AssertLinks(pdf, ("https://annot.example/", LinkSource.PdfAnnotation, 1), ("https://text.example/", LinkSource.Text, 1));
    }

    [Fact]
    public void Extract_NotesUnreadable_WhenPdfIsGarbageAfterHeader()
    {
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        "%PDF-1.7\n"u8.CopyTo(garbage);

        var (links, notes) = Extract(garbage);
        Assert.Empty(links);
        Assert.StartsWith("pdf could not be read: test.pdf: ", Assert.Single(notes));
    }

    [Fact]
    public void Extract_NotesNotPdf_WhenBytesHaveNoHeader()
    {
        var (links, notes) = Extract("just text"u8.ToArray());
        Assert.Empty(links);
        Assert.Equal(["pdf could not be read: test.pdf: not a PDF (no %PDF- header)"], notes);
    }

    [Fact]
    public void Extract_NotesTooLarge_WhenPdfIsOverAttachmentLimit()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["https://a.example/"], []));
        var (links, notes) = Extract(pdf, new ExtractionLimits { MaxAttachmentBytes = 100 });
        Assert.Empty(links);
        Assert.Equal([$"pdf could not be read: test.pdf: {pdf.Length} bytes, over the limit of 100"], notes);
    }

    [Fact]
    public void Extract_ReadsFirstPagesAndNotes_WhenPdfHasMorePagesThanLimit()
    {
        var page = 0;
        var pdf = BuildPdf((p, font) => p.AddText($"Page {++page}: https://p{page}.example/", 12, new PdfPoint(50, 700), font), pages: 30);

        var (links, notes) = Extract(pdf, new ExtractionLimits { MaxPdfPages = 20 });
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"https://p{n}.example/"), links.Select(l => l.Url));
        Assert.Equal(LinkOrigin.Page(Origin, 20), links[^1].Origin);
        Assert.Equal(["pdf read only in part: test.pdf: 30 pages, only the first 20 were read"], notes);
    }

    [Fact]
    public void Extract_ReturnsPagesReadAndNotes_WhenTimeBudgetIsExceeded()
    {
        var pdf = BuildPdf((p, font) => p.AddText("https://slow.example/", 12, new PdfPoint(50, 700), font), pages: 5);
        using var stuck = new ManualResetEventSlim();
        var extractor = new PdfLinkExtractor(new ExtractionLimits { PdfTimeBudget = TimeSpan.FromMilliseconds(200) },
            new TextLinkExtractor(), beforePage: n =>
            {
                if (n == 3) stuck.Wait(); // page 3 "hangs" until the test is over
            });

        var notes = new List<string>();
        var links = extractor.Extract(pdf, Origin, notes);
        stuck.Set();

        Assert.Equal([LinkOrigin.Page(Origin, 1), LinkOrigin.Page(Origin, 2)], links.Select(l => l.Origin));
        Assert.Equal(["pdf read only in part: test.pdf: took longer than the time budget of 0.2 s, only the first 2 pages were read"], notes);
    }

    [Fact]
    public void Extract_RefusesNewPdf_WhenTooManyAbandonedParsesAreStillRunning()
    {
        var pdf = MinimalPdf.Build(new MinimalPage(["https://a.example/"], []));
        using var stuck = new ManualResetEventSlim();
        var extractor = new PdfLinkExtractor(new ExtractionLimits { PdfTimeBudget = TimeSpan.FromMilliseconds(20) },
            new TextLinkExtractor(), beforePage: _ => stuck.Wait());
        try
        {
            for (var i = 0; i < PdfLinkExtractor.MaxAbandonedParses; i++)
                Assert.StartsWith("pdf could not be read: test.pdf: took longer", Assert.Single(Extract(extractor, pdf).Notes));

            var (links, notes) = Extract(extractor, pdf);
            Assert.Empty(links);
            Assert.StartsWith("pdf could not be read: test.pdf: skipped,", Assert.Single(notes));
        }
        finally
        {
            stuck.Set();
        }
        // The abandoned parses finish once unblocked, and the extractor takes PDFs again.
        Assert.True(SpinWait.SpinUntil(() => extractor.AbandonedStillRunning == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal("https://a.example/", Assert.Single(Extract(extractor, pdf).Links).Url);
    }

    private static (IReadOnlyList<FoundLink> Links, List<string> Notes) Extract(PdfLinkExtractor extractor, byte[] pdf)
    {
        var notes = new List<string>();
        return (extractor.Extract(pdf, Origin, notes), notes);
    }

    [Fact]
    public void Extract_KeepsOtherPages_WhenOnePageIsBroken()
    {
        var pdf = MinimalPdf.Build(
            new MinimalPage(["https://one.example/"], []),
            new MinimalPage(["https://two.example/"], [MinimalPdf.UriLink("https://annot-two.example/")]),
            new MinimalPage(["https://three.example/"], []));
        // Break page 2 (object 6, its content is object 7): a string where its media box needs a number.
        var text = Encoding.Latin1.GetString(pdf);
        var page2 = text.LastIndexOf("/MediaBox [0 0 612 792]", text.IndexOf("/Contents 7 0 R", StringComparison.Ordinal), StringComparison.Ordinal);
        "/MediaBox [0 0 (a) 792]"u8.CopyTo(pdf.AsSpan(page2));

        var (links, notes) = Extract(pdf);
        Assert.StartsWith("pdf read only in part: test.pdf: page 2 could not be parsed, only its link annotations were read",
            Assert.Single(notes));
        Assert.Equal(
            [("https://one.example/", "page 1"), ("https://annot-two.example/", "page 2"), ("https://three.example/", "page 3")],
            links.Select(l => (l.Url, l.Origin[(l.Origin.LastIndexOf('/') + 1)..])));
    }

    // ---- The independent counter itself

    [Fact]
    public void RawUriScanner_FindsUrisInCompressedObjectStream()
    {
        var inner = "1 0 << /S /URI /URI (https://in-objstm.example/a\\)b) >>"u8.ToArray();
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            z.Write(inner);
        var pdf = new MemoryStream();
        pdf.Write("%PDF-1.5\n2 0 obj\n<< /URI <68747470733A2F2F706C61696E2E6578616D706C652F> >>\nendobj\n"u8);
        pdf.Write(Encoding.Latin1.GetBytes($"3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"));
        pdf.Write(compressed.ToArray());
        pdf.Write("\nendstream\nendobj\n"u8);

        Assert.Equal(["https://plain.example/", "https://in-objstm.example/a)b"], PdfRawUriScanner.Scan(pdf.ToArray()));
    }
}
