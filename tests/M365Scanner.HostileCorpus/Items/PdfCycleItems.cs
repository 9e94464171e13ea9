using M365Scanner.HostileCorpus.Pdf;
using static M365Scanner.HostileCorpus.Pdf.PdfSource;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>
/// Reference cycles in every reference the PDF readers follow (issue 11, finding 1: one of them aborts the process).
/// Each cycle sits before the malicious link in reading order: on the same page when only an annotation is
/// poisoned, on page 2 when the first page itself is, so a reader that survives the cycle still reaches the link.
/// </summary>
internal static class PdfCycleItems
{
    // A second line's rectangle, so a poisoned annotation does not cover the lure's text.
    private const string SecondLine = "[70 700 400 720]";

    // An internal jump, the most ordinary action, where an action is needed but must not carry a URL.
    private const string GoTo = "<< /S /GoTo /D (top) >>";

    public static IEnumerable<HostileItem> All =>
    [
        PdfItem.Of("pdf-cycle-annots-array",
            "the first page's /Annots array is indirect and a two-object reference cycle; the link is on page 2",
            (pdf, url) =>
            {
                pdf.AddPage(pdf.Cycle());
                pdf.AddLurePage(url);
            }),
        PdfItem.Of("pdf-cycle-annots-entry",
            "an /Annots entry before the link annotation is a two-object reference cycle",
            (pdf, url) => pdf.AddLurePage(url, pdf.Cycle())),
        Poisoned("pdf-cycle-action", "an annotation's /A action is a reference cycle",
            pdf => $"/Rect {SecondLine} /A {pdf.Cycle()}"),
        Poisoned("pdf-cycle-additional-actions", "an annotation's /AA dictionary is a reference cycle",
            pdf => $"/Rect {SecondLine} /AA {pdf.Cycle()}"),
        Poisoned("pdf-cycle-additional-action-entry", "an annotation's /AA mouse-up action (/U) is a reference cycle",
            pdf => $"/Rect {SecondLine} /AA << /U {pdf.Cycle()} >>"),
        Poisoned("pdf-cycle-uri", "an annotation's /URI value is a reference cycle",
            pdf => $"/Rect {SecondLine} /A << /S /URI /URI {pdf.Cycle()} >>"),
        Poisoned("pdf-cycle-uri-self", "an annotation's /URI is an object whose value is a reference to itself",
            pdf =>
            {
                var self = pdf.Writer.Reserve();
                pdf.Writer.Set(self, Ref(self));
                return $"/Rect {SecondLine} /A << /S /URI /URI {Ref(self)} >>";
            }),
        Poisoned("pdf-cycle-rect", "an annotation's /Rect is a reference cycle",
            pdf => $"/Rect {pdf.Cycle()} /A {GoTo}"),
        Poisoned("pdf-cycle-rect-number", "a number of an annotation's /Rect is a reference cycle",
            pdf => $"/Rect [{pdf.Cycle()} 700 400 720] /A {GoTo}"),
        Poisoned("pdf-cycle-next", "an action's /Next (the action run after it) is a reference cycle",
            pdf => $"/Rect {SecondLine} /A << /S /GoTo /D (top) /Next {pdf.Cycle()} >>"),
        Poisoned("pdf-cycle-filespec", "a /Launch action's file specification /F is a reference cycle",
            pdf => $"/Rect {SecondLine} /A << /S /Launch /F {pdf.Cycle()} >>"),
        Poisoned("pdf-cycle-filespec-entry", "the /F of a /GoToR action's file specification dictionary is a reference cycle",
            pdf => $"/Rect {SecondLine} /A << /S /GoToR /F << /Type /Filespec /F {pdf.Cycle()} >> /D [0 /Fit] >>"),
        PdfItem.Of("pdf-cycle-pages",
            "the catalog's /Pages is a reference cycle: no page is reachable through the tree; the link's page is in the file, orphaned",
            (pdf, url) =>
            {
                pdf.AddLurePage(url);
                return pdf.Finish(pagesRoot: pdf.Cycle());
            }),
        PdfItem.Of("pdf-cycle-kids",
            "the first /Kids entry of the page tree is a reference cycle; the link's page is the second",
            (pdf, url) =>
            {
                var page = pdf.AddLurePage(url, inTree: false);
                return pdf.Finish(kids: $"[{pdf.Cycle()} {Ref(page)}]", count: 2);
            }),
        PdfItem.Of("pdf-page-tree-loop",
            "an intermediate /Pages node lists the root among its /Kids, so walking the tree never ends",
            (pdf, url) =>
            {
                var middle = pdf.Writer.Reserve();
                var page = pdf.AddLurePage(url, parent: Ref(middle), inTree: false);
                pdf.Writer.Set(middle, $"<< /Type /Pages /Parent {Ref(pdf.Pages)} /Kids [{Ref(pdf.Pages)} {Ref(page)}] /Count 1 >>");
                return pdf.Finish(kids: $"[{Ref(middle)}]", count: 1);
            }),
        PdfItem.Of("pdf-cycle-parent",
            "the first page's /Parent (where inherited attributes are looked up) is a reference cycle; the link is on page 2",
            (pdf, url) =>
            {
                pdf.AddPage("[]", parent: pdf.Cycle());
                pdf.AddLurePage(url);
            }),
        PdfItem.Of("pdf-cycle-contents", "the first page's /Contents is a reference cycle; the link is on page 2",
            (pdf, url) =>
            {
                pdf.AddPage("[]", contents: pdf.Cycle());
                pdf.AddLurePage(url);
            }),
        PdfItem.Of("pdf-cycle-resources", "the first page's /Resources is a reference cycle; the link is on page 2",
            (pdf, url) =>
            {
                pdf.AddPage("[]", resources: pdf.Cycle());
                pdf.AddLurePage(url);
            }),
        PdfItem.Of("pdf-cycle-xobject",
            "an /XObject resource the first page draws is a reference cycle; the link is on page 2",
            (pdf, url) =>
            {
                pdf.AddPage("[]", contents: Ref(pdf.Writer.AddStream("", "/X1 Do\n"u8.ToArray())),
                    resources: $"<< /Font << /F1 {Ref(pdf.Font)} >> /XObject << /X1 {pdf.Cycle()} >> >>");
                pdf.AddLurePage(url);
            }),
        PdfItem.Of("pdf-xobject-draws-itself",
            "a form XObject on the first page draws itself: a loop in the drawing rather than in the references; the link is on page 2",
            (pdf, url) =>
            {
                var form = pdf.Writer.Reserve();
                pdf.Writer.SetStream(form, $"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 {Ref(form)} >> >>",
                    "/X1 Do\n"u8.ToArray());
                pdf.AddPage("[]", contents: Ref(pdf.Writer.AddStream("", "/X1 Do\n"u8.ToArray())),
                    resources: $"<< /XObject << /X1 {Ref(form)} >> >>");
                pdf.AddLurePage(url);
            }),
    ];

    // A link annotation whose other entries (rectangle, actions) are poisoned, placed before the malicious link.
    private static HostileItem Poisoned(string name, string description, Func<LurePdf, string> entries) =>
        PdfItem.Of(name, description + "; the link annotation follows it on the same page",
            (pdf, url) => pdf.AddLurePage(url, pdf.Annotation($"<< /Type /Annot /Subtype /Link /Border [0 0 0] {entries(pdf)} >>")));
}
