using static M365Scanner.HostileCorpus.Pdf.PdfSource;

namespace M365Scanner.HostileCorpus.Pdf;

/// <summary>
/// The invoice PDF the lure is built on: a catalog, one page tree, Helvetica, and pages of text. Each hostile item
/// swaps one piece of it (an annotation, a page's contents, the tree itself) for something a reader must survive.
/// </summary>
public sealed class LurePdf
{
    private readonly List<int> kids = [];

    public LurePdf()
    {
        Catalog = Writer.Reserve();
        Pages = Writer.Reserve();
        Font = Writer.Add(Helvetica);
    }

    public PdfWriter Writer { get; } = new();

    public int Catalog { get; }

    /// <summary>The root of the page tree; every page added here names it as /Parent unless told otherwise.</summary>
    public int Pages { get; }

    public int Font { get; }

    public string FontResources => $"<< /Font << /F1 {Ref(Font)} >> >>";

    /// <summary>Two objects that are each only a reference to the other: resolving either never reaches a value.</summary>
    public string Cycle()
    {
        var a = Writer.Reserve();
        var b = Writer.Reserve();
        Writer.Set(a, Ref(b));
        Writer.Set(b, Ref(a));
        return Ref(a);
    }

    /// <summary>An indirect content stream drawing <paramref name="lines"/>.</summary>
    public string Text(params string[] lines) => Ref(Writer.AddStream("", TextContent(lines)));

    /// <summary>An indirect annotation object.</summary>
    public string Annotation(string source) => Ref(Writer.Add(source));

    /// <summary>Adds a page; null arguments take the ordinary value (font resources, a line of invoice text).</summary>
    /// <param name="inTree">False for a page the caller links into the tree itself (or leaves unreachable).</param>
    public int AddPage(string annots, string? contents = null, string? resources = null, string? parent = null,
        bool inTree = true)
    {
        var page = Writer.Add(
            $"<< /Type /Page /Parent {parent ?? Ref(Pages)} /MediaBox [0 0 612 792] " +
            $"/Resources {resources ?? FontResources} /Contents {contents ?? Text("Invoice 2026-0311", "Amount due: EUR 4,950.00")} " +
            $"/Annots {annots} >>");
        if (inTree)
            kids.Add(page);
        return page;
    }

    /// <summary>The page the lure lives on: the trusted address drawn on the first line and the malicious link over
    /// it, after <paramref name="annotationsBefore"/> (array entries, as PDF source).</summary>
    /// <param name="moreContents">Content streams drawn after the text (references, as PDF source).</param>
    /// <param name="xobjects">Entries of the page's /XObject resources, for <paramref name="moreContents"/>.</param>
    public int AddLurePage(string url, string annotationsBefore = "", string moreContents = "", string xobjects = "",
        string? parent = null, bool inTree = true)
    {
        var text = Text(Lure.DisplayText, "Sign in with your work account to open the invoice.");
        var resources = xobjects.Length == 0 ? FontResources : $"<< /Font << /F1 {Ref(Font)} >> /XObject << {xobjects} >> >>";
        return AddPage($"[{annotationsBefore} {Annotation(UriLink(url))}]", $"[{text} {moreContents}]", resources,
            parent, inTree);
    }

    /// <summary>The file. <paramref name="pagesRoot"/> replaces the catalog's /Pages value, <paramref name="kids"/>
    /// the root's /Kids (with <paramref name="count"/> as its /Count).</summary>
    public byte[] Finish(string? pagesRoot = null, string? kids = null, int? count = null)
    {
        Writer.Set(Catalog, $"<< /Type /Catalog /Pages {pagesRoot ?? Ref(Pages)} >>");
        Writer.Set(Pages, $"<< /Type /Pages /Kids {kids ?? $"[{string.Join(' ', this.kids.Select(Ref))}]"} " +
                          $"/Count {count ?? this.kids.Count} >>");
        return Writer.ToBytes(Catalog);
    }
}
