using System.Text;
using M365Scanner.Core.Links.Extraction;
using UglyToad.PdfPig;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>Every PDF of shared/data: pdf-benign/*.pdf and the PDF attachments of the phishing samples, named
/// "benign/x.pdf" and "sample-n/x.pdf", with their page counts.</summary>
internal static class PdfCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Bytes, int? Pages)>> Everything = new(Load);

    /// <summary>PDFs by name, in name order, with the page count PdfPig gives (null when it cannot open the file
    /// without a password, or at all).</summary>
    public static IReadOnlyDictionary<string, (byte[] Bytes, int? Pages)> Pdfs => Everything.Value;

    private static IReadOnlyDictionary<string, (byte[] Bytes, int? Pages)> Load() =>
        new SortedDictionary<string, (byte[], int?)>(
            Benign().Concat(PhishingAttachments())
                .GroupBy(pdf => pdf.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.First().Bytes, PageCount(g.First().Bytes))),
            StringComparer.Ordinal);

    private static IEnumerable<(string Name, byte[] Bytes)> Benign() =>
        System.IO.Directory.GetFiles(SharedData.PathOf("pdf-benign"), "*.pdf")
            .Select(path => ($"benign/{Path.GetFileName(path)}", File.ReadAllBytes(path)));

    // Only messages that mention a PDF are decoded: decoding all 1,307 in every benchmark process is wasted time.
    private static IEnumerable<(string Name, byte[] Bytes)> PhishingAttachments()
    {
        var pdfMarker = Encoding.ASCII.GetBytes("pdf");
        foreach (var (name, raw) in MailCorpus.LoadMessages(MailCorpus.Phishing))
        {
            if (raw.AsSpan().IndexOf(pdfMarker) < 0 || MailCorpus.TryRead(raw) is not { } message)
                continue;
            foreach (var attachment in message.Attachments)
            {
                if (PdfLinkExtractor.LooksLikePdf(attachment.Content.Span))
                    yield return ($"{Path.GetFileNameWithoutExtension(name)}/{attachment.FileName}", attachment.Content.ToArray());
            }
        }
    }

    // Counted with PdfPig, the library the extractor uses.
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
