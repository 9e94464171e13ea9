using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfLetterReaderTests
{
    // The link reader's words and covered text come from these letters, so they must be the very letters PdfPig's own
    // renderer builds: same text, boxes, baselines, widths, fonts and text sequences, on every page of every PDF of
    // shared/data that opens without a password.
    [SkippableFact]
    public void Letters_AreThoseOfPdfPigsRenderer_OnEveryPageOfTheSharedDataPdfs()
    {
        var pages = 0;
        var letters = 0;
        foreach (var (_, bytes) in CorpusPdfs.All())
        {
            PdfDocument document;
            try
            {
                document = Open(bytes);
            }
            catch (Exception)
            {
                continue; // encrypted, or damaged beyond PdfPig's repair: the link reader does not render those either
            }
            using (document)
            {
                for (var n = 1; n <= Math.Min(document.NumberOfPages, ExtractionLimits.Default.MaxPdfPages); n++)
                {
                    IReadOnlyList<Letter> expected;
                    try
                    {
                        expected = document.GetPage(n).Letters;
                    }
                    catch (Exception)
                    {
                        continue; // PdfPig's renderer fails on the page; ours may read its text, never less
                    }
                    var actual = document.GetPage<PdfLetterPage>(n).Letters;
                    Assert.Equal(expected.Select(Describe), actual.Select(Describe));
                    pages++;
                    letters += actual.Count;
                }
            }
        }
        Assert.True(pages > 100 && letters > 100_000, $"only {pages} pages and {letters} letters were compared"); // 160 and 265,802 on the data of 2026-12
    }

    // The corpora never combine a diacritic with the letter before it; this page does (and once across a new text
    // sequence, where PdfPig does not combine).
    [Fact]
    public void Letters_AreThoseOfPdfPigsRenderer_WhereADiacriticCombinesWithTheLetterBefore()
    {
        var pdf = Page("BT /F1 12 Tf 72 700 Td (e) Tj 0 0 Td (e\u00c1) Tj (\u00c1) Tj 0 0 Td (e) Tj ET",
            "<< /Font << /F1 5 0 R >> >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [193 /gravecomb] >> >>");
        using var document = Open(pdf);

        var expected = document.GetPage(1).Letters;
        var actual = document.GetPage<PdfLetterPage>(1).Letters;

        Assert.Contains(expected, l => l.Value == "e\u0300"); // the branch is taken
        Assert.Equal(expected.Select(Describe), actual.Select(Describe));
    }

    // Where PdfPig's renderer fails on something that shows no text (building an image, clipping to a form's box), the
    // page's text is still read, so its printed URLs are found instead of the page being read for annotations only.
    [Theory]
    [InlineData("an inline image without a width", "BI /H 1 /BPC 8 /CS /G ID \u00ff EI BT /F1 12 Tf 72 700 Td (https://evil.example/a) Tj ET",
        "<< /Font << /F1 5 0 R >> >>", null)]
    [InlineData("a form with a box past the clipper's range", "q /Fm1 Do Q", "<< /XObject << /Fm1 5 0 R >> >>",
        "/Type /XObject /Subtype /Form /BBox [0 0 1e16 1e16] /Resources << /Font << /F1 6 0 R >> >>")]
    public void Text_IsRead_WherePdfPigsRendererFailsOnWhatShowsNoText(string what, string content, string resources, string? form)
    {
        string[] objects = form is null
            ? [Font]
            : [RawPdf.Stream(Encoding.Latin1.GetBytes("BT /F1 12 Tf 72 700 Td (https://evil.example/a) Tj ET"), form), Font];
        var pdf = Page(content, resources, objects);
        using (var document = Open(pdf))
            Assert.ThrowsAny<Exception>(() => document.GetPage(1));

        var notes = new List<string>();
        var links = new PdfLinkExtractor(ExtractionLimits.Default).Extract(pdf, "attachment:a.pdf", notes);

        Assert.True(links.Any(l => l.Url == "https://evil.example/a"), what);
        Assert.Empty(notes);
    }

    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    private static byte[] Page(string content, string resources, params string[] objects) =>
        RawPdf.OnePage($"/Resources {resources} /Contents 4 0 R", [RawPdf.Stream(Encoding.Latin1.GetBytes(content)), .. objects]);

    private static PdfDocument Open(byte[] pdf)
    {
        var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        document.AddPageFactory<PdfLetterPage, PdfLetterPageFactory>();
        return document;
    }

    private static string Describe(Letter l) =>
        $"{l.Value} {l.BoundingBox} {l.GlyphRectangleLoose} {l.StartBaseLine} {l.EndBaseLine} {l.Width:R} {l.FontSize:R} " +
        $"{l.PointSize:R} {l.FontName} {l.TextSequence} {l.RenderingMode}";
}
