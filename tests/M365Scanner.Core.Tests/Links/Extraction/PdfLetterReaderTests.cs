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
        foreach (var (name, bytes) in CorpusPdfs.All())
        {
            PdfDocument document;
            try
            {
                document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            }
            catch (Exception)
            {
                continue; // encrypted, or damaged beyond PdfPig's repair: the link reader does not render those either
            }
            using (document)
            {
                document.AddPageFactory<PdfLetterPage, PdfLetterPageFactory>();
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

    private static string Describe(Letter l) =>
        $"{l.Value} {l.BoundingBox} {l.GlyphRectangleLoose} {l.StartBaseLine} {l.EndBaseLine} {l.Width:R} {l.FontSize:R} " +
        $"{l.PointSize:R} {l.FontName} {l.TextSequence} {l.RenderingMode}";
}
