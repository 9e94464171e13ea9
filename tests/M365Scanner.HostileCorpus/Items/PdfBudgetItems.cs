using System.Text;
using M365Scanner.HostileCorpus.Pdf;
using static M365Scanner.HostileCorpus.Pdf.PdfSource;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>
/// Small, well-formed PDFs that cost a reader without a budget minutes or gigabytes (issue 11, findings 2 to 4):
/// fanned-out form XObjects, Flate bombs, an operator flood, an annotation flood, an attachment over the size cap.
/// The malicious link is an ordinary annotation on the poisoned page, so a reader with budgets still finds it.
/// </summary>
internal static class PdfBudgetItems
{
    private const long GiB = 1L << 30;
    private const int MiB = 1 << 20;

    public static IEnumerable<HostileItem> All =>
    [
        PdfItem.Of("pdf-xobject-fanout",
            "form XObjects fanned out: the page draws one, each draws the next 30 times, 6 levels deep (30^5 draws of the last)",
            (pdf, url) => pdf.AddLurePage(url, moreContents: Ref(pdf.Writer.AddStream("", "q /F0 Do Q\n"u8.ToArray())),
                xobjects: $"/F0 {Ref(FanOut(pdf.Writer, levels: 6, width: 30))}")),
        PdfItem.Of("pdf-flate-bomb",
            "a content stream of the link's page inflates to 1 GiB of spaces (about 1 MB compressed)",
            (pdf, url) => pdf.AddLurePage(url, moreContents: Ref(pdf.Writer.AddStream("/Filter /FlateDecode",
                Flate.Compress(s => Flate.WriteRepeated(s, " "u8, GiB)))))),
        PdfItem.Of("pdf-flate-bomb-many-streams",
            "1,100 content streams of the link's page, each inflating to 1 MiB, 1.07 GiB together",
            (pdf, url) =>
            {
                var oneMiB = Flate.Compress(s => Flate.WriteRepeated(s, " "u8, MiB));
                var streams = Enumerable.Range(0, 1100).Select(_ => Ref(pdf.Writer.AddStream("/Filter /FlateDecode", oneMiB)));
                pdf.AddLurePage(url, moreContents: string.Join(' ', streams));
            }),
        PdfItem.Of("pdf-flate-bomb-reused-stream",
            "one content stream inflating to 1 MiB, listed 1,100 times in the link's page /Contents (1.07 GiB drawn)",
            (pdf, url) =>
            {
                var stream = Ref(pdf.Writer.AddStream("/Filter /FlateDecode", Flate.Compress(s => Flate.WriteRepeated(s, " "u8, MiB))));
                pdf.AddLurePage(url, moreContents: string.Join(' ', Enumerable.Repeat(stream, 1100)));
            }),
        PdfItem.Of("pdf-operator-flood",
            "a content stream of the link's page shows text 2.5 million times (one glyph per operator), tens of KB compressed",
            (pdf, url) => pdf.AddLurePage(url, moreContents: Ref(pdf.Writer.AddStream("/Filter /FlateDecode", Flate.Compress(s =>
            {
                s.Write("BT /F1 1 Tf 72 700 Td\n"u8);
                Flate.WriteRepeated(s, "(a) Tj\n"u8, 2_500_000L * 7);
                s.Write("ET\n"u8);
            }))))),
        PdfItem.Of("pdf-annotation-flood",
            "2,500 link annotations without a URL (internal jumps) come before the malicious link on its page",
            (pdf, url) => pdf.AddLurePage(url, string.Join(' ', Enumerable.Range(0, 2500).Select(i =>
                pdf.Annotation($"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /Border [0 0 0] /Dest (section-{i}) >>"))))),
        PdfItem.Bytes("pdf-attachment-100mib",
            "the lure PDF followed by 100 MiB of padding after %%EOF: over the attachment size cap, so never opened",
            url =>
            {
                var lure = new LurePdf();
                lure.AddLurePage(url);
                var pdf = lure.Finish();
                var padded = new byte[pdf.Length + 100 * MiB];
                pdf.CopyTo(padded, 0);
                padded.AsSpan(pdf.Length).Fill((byte)'\n');
                return padded;
            }),
    ];

    // Forms F0..F(levels-1): each of the first levels-1 draws the next `width` times; the last fills a 1-point square.
    private static int FanOut(PdfWriter writer, int levels, int width)
    {
        var next = writer.AddStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792]", "0 0 1 1 re f\n"u8.ToArray());
        var draws = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/X Do ", width)) + "\n");
        for (var level = levels - 2; level >= 0; level--)
            next = writer.AddStream($"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X {Ref(next)} >> >>",
                draws);
        return next;
    }
}
