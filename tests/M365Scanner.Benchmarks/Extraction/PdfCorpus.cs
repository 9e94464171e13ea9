using System.Text;
using M365Scanner.Core.Links.Extraction;
using UglyToad.PdfPig;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>The single-page PDFs of shared/data: pdf-benign/*.pdf and the PDF attachments of the phishing samples,
/// named "benign/x.pdf" and "sample-n/x.pdf".</summary>
internal static class PdfCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> SinglePage = new(Load);

    /// <summary>PDFs by name, in name order.</summary>
    public static IReadOnlyDictionary<string, byte[]> SinglePagePdfs => SinglePage.Value;

    private static IReadOnlyDictionary<string, byte[]> Load()
    {
        var all = Benign().Concat(PhishingAttachments());
        return new SortedDictionary<string, byte[]>(
            all.Where(pdf => PageCount(pdf.Bytes) == 1).ToDictionary(pdf => pdf.Name, pdf => pdf.Bytes),
            StringComparer.Ordinal);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Benign() =>
        System.IO.Directory.GetFiles(SharedData.PathOf("pdf-benign"), "*.pdf")
            .Select(path => ($"benign/{Path.GetFileName(path)}", File.ReadAllBytes(path)));

    // Only messages that mention a PDF are decoded: decoding all 1,307 in every benchmark process is wasted time.
    private static IEnumerable<(string Name, byte[] Bytes)> PhishingAttachments()
    {
        var pdfMarker = Encoding.ASCII.GetBytes("pdf");
        foreach (var (name, raw) in PhishingCorpus.LoadMessages())
        {
            if (raw.AsSpan().IndexOf(pdfMarker) < 0 || PhishingCorpus.TryRead(raw) is not { } message)
                continue;
            foreach (var attachment in message.Attachments)
            {
                if (PdfLinkExtractor.LooksLikePdf(attachment.Content.Span))
                    yield return ($"{Path.GetFileNameWithoutExtension(name)}/{attachment.FileName}", attachment.Content.ToArray());
            }
        }
    }

    // Counted with PdfPig, the library the extractor uses; a PDF it cannot open (encrypted, broken) has no known
    // page count and is left out of the single-page set.
    private static int? PageCount(byte[] pdf)
    {
        try
        {
            using var document = PdfDocument.Open(pdf);
            return document.NumberOfPages;
        }
        catch (Exception)
        {
            return null;
        }
    }
}
