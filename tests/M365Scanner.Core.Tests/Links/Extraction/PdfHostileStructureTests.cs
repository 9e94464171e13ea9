using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary>PDFs built to crash, stall or blind a reader: each is read in this process, returns, names what it did not
/// read, and still yields the link it hides where that link is readable.</summary>
public class PdfHostileStructureTests
{
    private const string Evil = "https://evil.example/login";

    // The raw check for reference loops is off: these cycles are written in the open to test the structured defences
    // that catch the ones packed in object streams, where the raw check cannot see them.
    private static (IReadOnlyList<FoundLink> Links, List<string> Notes) Extract(byte[] pdf, ExtractionLimits? limits = null)
    {
        var notes = new List<string>();
        var extractor = new PdfLinkExtractor(limits ?? ExtractionLimits.Default) { CheckRawReferenceLoops = false };
        var links = extractor.Extract(pdf, "attachment:x.pdf", notes, []);
        return (links, notes);
    }

    [Fact]
    public void Extract_DoesNotParse_WhenObjectsWrittenInTheOpenLoop()
    {
        // PdfPig follows reference-only objects by recursion while opening the file (its page tree), before our code
        // runs; the raw check keeps such a file from it and recovers the link from the bytes.
        var pdf = RawPdf.Build(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R 3 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [6 0 R] >>", "5 0 R", "4 0 R", RawPdf.Link(Evil)]);
        var notes = new List<string>();
        var links = new PdfLinkExtractor(ExtractionLimits.Default).Extract(pdf, "attachment:x.pdf", notes, []);
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "object 4 is on a loop of references");
    }

    [Theory]
    [InlineData("4 0 obj 5 0 R endobj 5 0 obj 4 0 R endobj", "object 4 is on a loop")]
    [InlineData("7 0 obj\n7 0 R\nendobj", "object 7 is on a loop")]
    [InlineData("4 0 obj %c\n5 0 R endobj 5 0 obj\u00004 0 R\u0000endobj", "object 4 is on a loop")] // comments, NULs as white space
    [InlineData("1 0 obj 2 0 R endobj 2 0 obj 3 0 R endobj 3 0 obj << /A 1 0 R >> endobj", null)] // a chain that ends
    public void Runaway_FindsLoopsOfReferenceOnlyObjects(string objects, string? expected)
    {
        var found = PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects));
        if (expected is null)
            Assert.Null(found);
        else
            Assert.StartsWith(expected, found);
    }

    [Fact]
    public void Runaway_FindsALongChainWithoutALoop()
    {
        // PdfPig recurses once per link of the chain: 100,000 of them overflow its stack as a loop would.
        var objects = string.Concat(Enumerable.Range(1, 100_000).Select(i => $"{i} 0 obj {i + 1} 0 R endobj\n"));
        Assert.StartsWith("object 1 starts a chain of 100000", PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects)));
    }

    [Fact]
    public void Runaway_FindsALoop_AfterLinesOfPercentSignsThatStalledARegularExpression()
    {
        // A line of % signs after a number made the old pattern's white-space-or-comment alternation backtrack
        // exponentially into its timeout, and a timeout let the file through unchecked.
        var flood = string.Concat(Enumerable.Repeat("1 " + new string('%', 40) + "x\n", 200));
        var objects = flood + "4 0 obj 5 0 R endobj 5 0 obj 4 0 R endobj";
        Assert.StartsWith("object 4 is on a loop", PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects)));
    }

    [Theory]
    [InlineData("%junk 4 0 obj 5 0 R endobj\n5 0 obj 4 0 R endobj")]       // an object a cross-reference offset finds inside a comment line
    [InlineData("%a %4 0 obj %c\n 5 0 R endobj 5 0 obj 4 0 R endobj")]     // ... after a second %, its value on the next line
    [InlineData("4 0 obj 5 0 Rendobj 5 0 obj 4 0 R\rendobj")]               // a reference run into the closing keyword
    [InlineData("4 0 obj 5 0 R %a\nendobj 5 0 obj 4 0 R %b\r\nendobj")]      // every endobj after a comment
    public void Runaway_FindsLoops_WhereAReaderCouldStart(string objects) =>
        Assert.StartsWith("object 4 is on a loop", PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects)));

    [Theory]
    [InlineData("0000000004 0 obj 0000000005 0 R endobj 0000000005 0 obj 0000000004 0 R endobj")] // leading zeros past 9 digits
    [InlineData("4 0 obj +5 0 R endobj 5 0 obj +4 0 R endobj")]                   // a signed number
    [InlineData("4 0 obj 5.0 0 R endobj 5 0 obj 4.0 0 R endobj")]                 // a real number
    [InlineData("4 0 obj 5 000000 R endobj 5 0 obj 4 0.0 R endobj")]              // generations written long
    public void Runaway_FindsLoops_WrittenWithNumbersPdfPigReadsAsIntegers(string objects) =>
        Assert.StartsWith("object 4 is on a loop", PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects)));

    [Theory]
    [InlineData("0000000002 0 R")]
    [InlineData("+2 0 R")]
    [InlineData("2.0 0 R")]
    [InlineData("2 000000 R")]
    public void PdfPig_FollowsAReferenceOnlyObject_WrittenWithSuchNumbers(string value)
    {
        // Why the check above must read these numbers: PdfPig resolves the catalog's /Pages through each of them.
        var pdf = RawPdf.Build(["<< /Type /Catalog /Pages 4 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>", value]);
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public void Runaway_Refuses_WhenACommentLineHoldsMorePlacesToStartThanItWatches()
    {
        // Each "%5" is a place a reader could start that waits for the next line's tokens; watching millions of them
        // at once took about 77 bytes of memory per byte of the file.
        var line = "%" + string.Concat(Enumerable.Repeat("5%", PdfReferenceOnlyObjects.MaxPendingStarts + 1));
        var why = PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(line + "\n0 R endobj"));
        Assert.StartsWith("its comments hold more than", why);
    }

    [Theory]
    [InlineData("4 0 obj %5 0 R endobj\n<< >> endobj 5 0 obj 4 0 R endobj")] // the reference is commented out: a reader sees a dictionary
    [InlineData("4 0 obj 5 0 R 6 0 R endobj 5 0 obj 4 0 R endobj")]          // not a single reference
    [InlineData("4 0 obj 1234567890 0 R endobj 1234567890 0 obj 4 0 R endobj")] // object numbers no writer uses
    public void Runaway_IgnoresObjectsThatAreNotASingleReference(string objects) =>
        Assert.Null(PdfReferenceChains.Runaway(Encoding.Latin1.GetBytes(objects)));

    [Theory]
    [InlineData("1 0 obj << /Type /XRef /W [1 2147483647 1] /Size 3 >> stream", "2147483647")]
    [InlineData("1 0 obj << /Type/XRef /Size 3 /W[ 1 9 1 ] >> stream", "9")]
    [InlineData("1 0 obj << /Type /XRef /W [1 -1\nstream", "-1")]                // the array never closed
    [InlineData("1 0 obj << /Type /XRef /W [1 99999999999999999999 1] >> stream", "99999999999999999999")]
    [InlineData("1 0 obj << /Type /XRef /W [1 +2147483647 1] >> stream", "+2147483647")] // a signed number
    [InlineData("1 0 obj << /Type /XRef /W [1.0 2147483647 1] >> stream", "1.0")]        // a real number before it
    [InlineData("1 0 obj << /Type /XRef /P << /W [1 2 1] >> /W [1 2147483647 1] >> stream", "2147483647")] // a harmless array first
    [InlineData("1 0 obj << /Type /XRef /W [1 4 2] >> stream", null)]
    [InlineData("1 0 obj << /Type /Font /W [1 [500 600] 2147483647] >> stream", null)] // a font's glyph widths
    [InlineData("1 0 obj << /Type /XRefs /W [1 2147483647 1] >> stream", null)]
    public void XrefWidths_RefusesOnlyACrossReferenceStreamWithImplausibleWidths(string dictionary, string? wrong)
    {
        var found = PdfXrefWidths.Implausible(Encoding.Latin1.GetBytes(dictionary));
        if (wrong is null)
            Assert.Null(found);
        else
            Assert.Equal($"its cross-reference stream declares a field {wrong} bytes wide", found);
    }

    private static void AssertGap(List<string> notes, string says)
    {
        var gaps = notes.Where(n => n.Contains(says, StringComparison.Ordinal)).ToList();
        Assert.True(gaps.Count > 0, $"no note says \"{says}\": {string.Join(" | ", notes)}");
        Assert.All(gaps, gap => Assert.True(ContentGaps.IsGap(gap), gap));
    }

    [Fact]
    public void Extract_NotesCycle_WhenLinkUriIsAReferenceCycle()
    {
        // Before: PdfPig's recursive lookup overflowed the stack here and the process died.
        var pdf = RawPdf.OnePage("/Annots [4 0 R]", "<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /URI /URI 5 0 R >> >>",
            "6 0 R", "5 0 R");
        var (links, notes) = Extract(pdf);
        Assert.Empty(links);
        AssertGap(notes, "reference cycle");
    }

    [Theory]
    [InlineData("/Annots 4 0 R", "4 0 R")]                    // the /Annots array itself
    [InlineData("/Annots [4 0 R]", "4 0 R")]                  // an annotation
    [InlineData("/Annots [4 0 R]", "<< /Subtype /Link /Rect 5 0 R /A 5 0 R >>", "5 0 R")] // /Rect and /A
    public void Extract_Returns_WhenAnnotationReferencesLoop(string pageEntries, params string[] objects)
    {
        var (_, notes) = Extract(RawPdf.OnePage(pageEntries, objects));
        AssertGap(notes, "reference cycle");
    }

    [Fact]
    public void Extract_ReadsOnlyAnnotations_WhenContentsIsAReferenceCycle()
    {
        // PdfPig follows /Contents by recursion when it renders the page: the page must not be rendered at all.
        var (links, notes) = Extract(RawPdf.OnePage("/Contents 5 0 R /Annots [4 0 R]", RawPdf.Link(Evil), "6 0 R", "5 0 R"));
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "a reference reachable from it or an earlier page loops");
    }

    [Fact]
    public void Extract_ReadsOnlyAnnotations_WhenFormsFanOut()
    {
        // Six levels of forms, each drawing the next 30 times: 30^5 draws of a ~3 KB file.
        var forms = Enumerable.Range(0, 6).Select(level => level < 5
            ? RawPdf.FlateStream(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/X Do\n", 30))),
                $"/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X {7 + level} 0 R >> >>")
            : RawPdf.FlateStream("BT (a) Tj ET"u8.ToArray(), "/Type /XObject /Subtype /Form /BBox [0 0 1 1]"));
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >> /Annots [4 0 R]",
            [RawPdf.Link(Evil), RawPdf.Stream("/X Do"u8.ToArray()), .. forms]);
        var (links, notes) = Extract(pdf);
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "drawing operators");
    }

    [Fact]
    public void Extract_ReadsOnlyAnnotations_WhenAFormDrawsItself()
    {
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >> /Annots [4 0 R]",
            RawPdf.Link(Evil), RawPdf.Stream("/X Do"u8.ToArray()),
            RawPdf.Stream("/X Do"u8.ToArray(), "/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X 6 0 R >> >>"));
        var (links, notes) = Extract(pdf);
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "drawing operators");
    }

    [Fact]
    public void Extract_PricesAFormWithoutResourcesInEachContextItIsDrawnIn()
    {
        // Form 6 has no resources of its own: drawn from the page its /X is an image, drawn from form 8 its /X is a flood.
        // Priced once and remembered, the flood would pass unseen.
        var flood = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0 0 m ", 600_000)));
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /F 6 0 R /X 7 0 R /G 8 0 R >> >> /Annots [4 0 R]",
            RawPdf.Link(Evil), RawPdf.Stream("/F Do /G Do"u8.ToArray()),
            RawPdf.Stream("/X Do"u8.ToArray(), "/Subtype /Form /BBox [0 0 1 1]"),
            RawPdf.Stream([0], "/Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"),
            RawPdf.Stream("/F Do"u8.ToArray(), "/Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /F 6 0 R /X 9 0 R >> >>"),
            RawPdf.FlateStream(flood, "/Subtype /Form /BBox [0 0 1 1]"));
        var (links, notes) = Extract(pdf);
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "drawing operators");
    }

    [Fact]
    public void Extract_ReadsOnlyAnnotations_WhenPageFloodsOperators()
    {
        var flood = Encoding.ASCII.GetBytes("BT /F1 12 Tf " + string.Concat(Enumerable.Repeat("(a) Tj ", 600_000)) + "ET");
        var (links, notes) = Extract(RawPdf.OnePage("/Contents 5 0 R /Annots [4 0 R]", RawPdf.Link(Evil), RawPdf.FlateStream(flood)));
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "drawing operators");
    }

    [Fact]
    public void Extract_StopsInflating_WhenAStreamIsABomb()
    {
        var limits = ExtractionLimits.Default with { MaxPdfStreamBytes = 4 * 1024 * 1024 };
        var (links, notes) = Extract(RawPdf.OnePage("/Contents 5 0 R /Annots [4 0 R]", RawPdf.Link(Evil), RawPdf.FlateZeros(64L * 1024 * 1024)), limits);
        Assert.Equal([Evil], links.Select(l => l.Url));
        AssertGap(notes, "a stream decodes to more than 4 MiB");
    }

    [Fact]
    public void Extract_StopsReading_WhenStreamsTogetherPassTheDocumentBudget()
    {
        var limits = ExtractionLimits.Default with { MaxPdfStreamBytes = 1024 * 1024, MaxPdfDecodedBytes = 2 * 1024 * 1024 };
        var content = Encoding.ASCII.GetBytes("% " + new string('x', 900 * 1024) + "\n");
        var (_, notes) = Extract(RawPdf.OnePage("/Contents [5 0 R 6 0 R 7 0 R] /Annots [4 0 R]", RawPdf.Link(Evil),
            RawPdf.FlateStream(content), RawPdf.FlateStream(content), RawPdf.FlateStream(content)), limits);
        AssertGap(notes, "in all");
    }

    [Fact]
    public void Extract_NotesAnnotationsBeyondTheCap_WhenPageFloodsAnnotations()
    {
        var dummies = string.Join(' ', Enumerable.Repeat("<< /Subtype /Square /Rect [0 0 1 1] >>", 2_500));
        var (links, notes) = Extract(RawPdf.OnePage($"/Annots [{dummies} 4 0 R]", RawPdf.Link(Evil)));
        Assert.Empty(links);
        AssertGap(notes, "the 501 after the first 2000 were not read");
    }

    [Fact]
    public void Extract_FindsTheUri_WhenNextActionsShareObjectsExponentially()
    {
        // Ten layers of 20 actions, each chaining to all 20 of the next layer: 20^10 paths, 200 objects.
        const int layers = 10, width = 20;
        var objects = new List<string> { $"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A 5 0 R >>", $"<< /S /URI /URI ({Evil}) /Next {Layer(0)} >>" };
        for (var layer = 0; layer < layers; layer++)
            for (var i = 0; i < width; i++)
                objects.Add(layer + 1 < layers ? $"<< /S /GoTo /D [0] /Next {Layer(layer + 1)} >>" : "<< /S /GoTo /D [0] >>");
        var (links, _) = Extract(RawPdf.OnePage("/Annots [4 0 R]", [.. objects]));
        Assert.Equal([Evil], links.Select(l => l.Url));

        static string Layer(int layer) => "[" + string.Join(' ', Enumerable.Range(0, width).Select(i => $"{6 + layer * width + i} 0 R")) + "]";
    }

    [Fact]
    public void Extract_ReadsBenignFormsAndText_WithoutANote()
    {
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /X 6 0 R >> /Font << /F1 7 0 R >> >> /Annots [4 0 R]",
            RawPdf.Link(Evil), RawPdf.Stream("/X Do /X Do BT /F1 12 Tf 72 700 Td (see https://docs.example/page) Tj ET"u8.ToArray()),
            RawPdf.Stream("0 0 10 10 re f"u8.ToArray(), "/Type /XObject /Subtype /Form /BBox [0 0 600 600]"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var (links, notes) = Extract(pdf);
        Assert.Empty(notes);
        Assert.Contains(Evil, links.Select(l => l.Url));
        Assert.True(links.Any(l => l.Url.Contains("docs.example", StringComparison.Ordinal)), string.Join(", ", links.Select(l => l.Url)));
    }

    [Fact]
    public void Extract_ReadsTextShownOnlyInsideAForm()
    {
        // The page's own stream shows no text; the form it draws does, so the page must still be rendered for it.
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /X 6 0 R >> >>",
            RawPdf.Link(Evil), RawPdf.Stream("q /X Do Q"u8.ToArray()),
            RawPdf.Stream("BT /F1 12 Tf 72 700 Td (see https://docs.example/page) Tj ET"u8.ToArray(),
                "/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 7 0 R >> >>"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var (links, notes) = Extract(pdf);
        Assert.Empty(notes);
        Assert.True(links.Any(l => l.Url.Contains("docs.example", StringComparison.Ordinal)), string.Join(", ", links.Select(l => l.Url)));
    }

    // Page trees where the leaf our walk finds for page 1 is not the page PdfPig renders as page 1, or where the resources
    // found through /Parent are not those PdfPig inherits: the leaf draws only an image, the page PdfPig renders shows
    // text through the text form. Objects: 1 catalog, 2 root, 3 the page PdfPig renders, 4 its content, 5 font, 6 the
    // text form, 7 an image-only content, 8 the decoy node, 9 an image.
    [Theory]
    [InlineData( // a /Pages node without kids: a leaf to a walk by /Kids, no page to PdfPig
        "<< /Type /Pages /Kids [8 0 R 3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 6 0 R >> >> >>",
        "<< /Type /Pages /Parent 2 0 R /Contents 7 0 R /Resources << /XObject << /Im 9 0 R >> >> >>")]
    [InlineData( // a /Page with kids: a page to PdfPig, a node to a walk by /Kids
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 6 0 R >> >> /Kids [8 0 R] >>",
        "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << /XObject << /Im 9 0 R >> >> >>")]
    [InlineData( // a /Parent that is not the node the page hangs from: resources inherited along the walk, not along /Parent
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /X 6 0 R >> >> >>",
        "<< /Type /Page /Parent 8 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /XObject << /X 9 0 R >> >> >>")]
    public void Extract_ReadsTextOfThePagePdfPigRenders_WhenThePageTreeMisleadsAWalk(string root, string page, string decoy)
    {
        var pdf = RawPdf.Build(["<< /Type /Catalog /Pages 2 0 R >>", root, page,
            RawPdf.Stream("q /X Do Q"u8.ToArray()),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            RawPdf.Stream("BT /F1 12 Tf 72 700 Td (see https://docs.example/page) Tj ET"u8.ToArray(),
                "/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 5 0 R >> >>"),
            RawPdf.Stream("q /Im Do Q"u8.ToArray()),
            decoy,
            RawPdf.Stream([0x80], "/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray")]);
        var (links, _) = Extract(pdf);
        Assert.Contains("https://docs.example/page", links.Select(l => l.Url));
    }

    [Fact]
    public void Extract_ReadsTheLinkOfAPageThatOnlyDrawsAnImage_WithoutANote()
    {
        // The usual phishing PDF: one full-page picture under one link. Nothing on it shows text.
        var pdf = RawPdf.OnePage("/Contents 5 0 R /Resources << /XObject << /Im1 6 0 R >> >> /Annots [4 0 R]",
            RawPdf.Link(Evil), RawPdf.Stream("q 612 0 0 792 0 0 cm /Im1 Do Q"u8.ToArray()),
            RawPdf.Stream([0x80, 0x80, 0x80, 0x80], "/Type /XObject /Subtype /Image /Width 2 /Height 2 /BitsPerComponent 8 /ColorSpace /DeviceGray"));
        var (links, notes) = Extract(pdf);
        Assert.Empty(notes);
        Assert.Equal([Evil], links.Select(l => l.Url));
    }
}
