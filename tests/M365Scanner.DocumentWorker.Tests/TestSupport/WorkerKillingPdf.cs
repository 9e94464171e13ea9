using System.Text;

namespace M365Scanner.DocumentWorker.Tests.TestSupport;

/// <summary>
/// A 500-byte PDF that kills any process parsing it with PdfPig 0.1.16: its page tree's <c>/Kids</c> holds
/// <c>5 0 R</c>, and objects 5 and 6 are references to each other. PdfPig follows the cycle while it opens the
/// document (<c>PagesFactory</c> → <c>DirectObjectFinder.TryGet</c>, recursively) until the stack overflows, which
/// no .NET process survives (exit code 134, SIGABRT). Found by probing candidate cycles in child processes; it
/// dies inside <c>PdfDocument.Open</c>, before any of our own reading code runs, so guards added to our readers do
/// not defuse it. Only ever parse it in a worker or a child process.
/// </summary>
public static class WorkerKillingPdf
{
    public static byte[] Build()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "6 0 R",
            "5 0 R",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
