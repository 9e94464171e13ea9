using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;
using MimeKit;
using Xunit.Abstractions;

namespace M365Scanner.Core.Tests.Links.Extraction.Datasets;

/// <summary>
/// The extractor over the real phishing corpus in ../shared/data/phishing, each side counted independently: what the
/// raw MIME says (any http(s) URL in a text part or a PDF, /URI entries in PDF bytes) against what extraction reports.
/// </summary>
public class PhishingCorpusExtractionTests(ITestOutputHelper output)
{
    private static readonly MessageLinkExtractor Extractor = new();

    private static IEnumerable<string> Samples() =>
        Directory.EnumerateFiles(SharedData.PathOf("phishing"), "*.eml").Order(StringComparer.Ordinal);

    [Fact]
    public void Extract_FindsALink_InAtLeast97PercentOfMessagesThatContainAnHttpUrl()
    {
        int withUrl = 0, withLinks = 0;
        var misses = new List<string>();
        foreach (var file in Samples())
        {
            var mime = MimeMessage.Load(file);
            if (!mime.BodyParts.OfType<MimePart>().Any(HasHttpUrl))
                continue;
            withUrl++;
            var message = MimeMessageMapper.Map(mime);
            if (Extractor.Extract(message).Links.Count > 0)
                withLinks++;
            else
                misses.Add(Path.GetFileName(file));
        }
        var rate = withLinks / (double)withUrl;
        output.WriteLine($"{withLinks}/{withUrl} messages with an http(s) URL yielded links ({rate:P2}); misses: {string.Join(", ", misses.Take(30))}");
        Assert.True(withUrl > 1000, $"expected most of the corpus to carry URLs, found {withUrl}");
        Assert.True(rate >= 0.97, $"only {rate:P2} of messages with URLs yielded links");
    }

    [Fact]
    public void Extract_ReportsEveryPdfLinkAnnotation_AtMessageLevel()
    {
        int pdfs = 0, annotations = 0;
        foreach (var file in Samples())
        {
            var mime = MimeMessage.Load(file);
            var message = MimeMessageMapper.Map(mime);
            var pdfAttachments = message.Attachments.Where(a => PdfLinkExtractor.LooksLikePdf(a.Content.Span)).ToList();
            if (pdfAttachments.Count == 0)
                continue;
            var result = Extractor.Extract(message);
            foreach (var pdf in pdfAttachments)
            {
                pdfs++;
                var origin = $"attachment:{pdf.FileName}";
                var reported = result.Links.Where(l => l.Origin == origin || l.Origin.StartsWith(origin + "/", StringComparison.Ordinal))
                    .Select(l => l.Url).ToHashSet();
                // An encrypted PDF's raw /URI values are ciphertext: nothing independent to compare against
                // (whether it was opened with a password from the body is PdfLinkExtractorTests' concern).
                if (pdf.Content.Span.IndexOf("/Encrypt"u8) >= 0)
                    continue;
                // tel: and mailto: annotations are not links a scan reports (the resolver drops them by design).
                var raw = PdfRawUriScanner.Scan(pdf.Content.Span).Select(u => u.Trim()).Distinct()
                    .Where(u => LinkResolver.Default.Resolve(new FoundLink(u, null, LinkSource.PdfAnnotation, "x")) is not null)
                    .ToList();
                annotations += raw.Count;
                Assert.All(raw, uri => Assert.Contains(uri, reported));
            }
        }
        output.WriteLine($"{pdfs} PDF attachments, {annotations} raw /URI values, all reported");
        Assert.True(pdfs >= 20, $"expected the corpus's PDF attachments, found {pdfs}");
        Assert.True(annotations >= 20, $"expected link annotations in the corpus PDFs, found {annotations}");
    }

    private static bool HasHttpUrl(MimePart part)
    {
        var type = part.ContentType;
        if (!(type.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase) || type.IsMimeType("application", "pdf")))
            return false;
        using var buffer = new MemoryStream();
        try
        {
            part.Content?.DecodeTo(buffer);
        }
        catch (FormatException)
        {
            return false;
        }
        var text = Encoding.Latin1.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return text.Contains("http://", StringComparison.OrdinalIgnoreCase) || text.Contains("https://", StringComparison.OrdinalIgnoreCase);
    }
}
