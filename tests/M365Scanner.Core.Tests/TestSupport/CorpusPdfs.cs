using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>Every PDF of shared/data: the files of pdf-benign and the PDF attachments of the phishing and list mail,
/// read in place (for a [SkippableFact]: a missing folder skips, or fails under CI).</summary>
public static class CorpusPdfs
{
    public static IEnumerable<(string Name, byte[] Bytes)> All()
    {
        foreach (var file in Directory.EnumerateFiles(RequiredSharedData.RequireOrSkip("pdf-benign"), "*.pdf").Order(StringComparer.Ordinal))
            yield return (Path.GetFileName(file), File.ReadAllBytes(file));
        foreach (var folder in new[] { "phishing", "lists" })
            foreach (var attachment in Attachments(RequiredSharedData.RequireOrSkip(folder)))
                yield return attachment;
    }

    /// <summary>The PDF attachments of the mail of <paramref name="folder"/>.</summary>
    public static IEnumerable<(string Name, byte[] Bytes)> Attachments(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            EmailMessage message;
            try
            {
                message = EmlReader.Read(File.ReadAllBytes(file));
            }
            catch (FormatException)
            {
                continue;
            }
            foreach (var pdf in message.Attachments.Where(a => PdfLinkExtractor.LooksLikePdf(a.FirstBytes.Span)))
                yield return ($"{Path.GetRelativePath(folder, file)}/{pdf.FileName}", pdf.Content.ToArray());
        }
    }
}
