using System.Text;

namespace M365Scanner.DocumentWorker.Tests.TestSupport;

/// <summary>
/// A PDF that kills any process parsing it with PdfPig 0.1.16: a page tree 100,000 levels deep (each /Pages node has
/// one kid, the next node), with a single page at the bottom. PdfPig walks the page tree by recursion while it opens
/// the document (<c>PagesFactory.ProcessPagesNode</c>), before any of our own reading code runs, and the stack
/// overflows after about 33,000 levels on an 8 MiB stack; no .NET process survives that (exit code 134, SIGABRT).
/// The tree has no cycle and no reference-only object, so checks for reference loops do not stop it. Found by probing
/// candidates in child processes (a reference loop in the page tree, 5 0 R -> 6 0 R -> 5 0 R, used to kill too, until
/// Core learnt to refuse such files). Only ever parse it in a worker or a child process.
/// </summary>
public static class WorkerKillingPdf
{
    private const int Depth = 100_000;

    public static byte[] Build()
    {
        // 1 catalog; 2 .. Depth+1 nested /Pages nodes; Depth+2 the page.
        var page = Depth + 2;
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        void Object(string body)
        {
            offsets.Add(pdf.Length);
            pdf.Append(offsets.Count).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        }

        Object("<< /Type /Catalog /Pages 2 0 R >>");
        for (var node = 2; node < page; node++)
            Object($"<</Type/Pages/Kids[{node + 1} 0 R]/Count 1>>");
        Object($"<</Type/Page/Parent {page - 1} 0 R/MediaBox[0 0 612 792]>>");

        var xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(offsets.Count + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append(offset.ToString("D10")).Append(" 00000 n \n");
        pdf.Append($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
