using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using M365Scanner.HostileCorpus;
using M365Scanner.HostileCorpus.Items;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The corpus's PDFs are hostile only where they mean to be: exact cross-reference tables, a lure a reader
/// opens, an encryption a reader accepts with the right password, bombs as large as they claim.</summary>
public class PdfDocumentTests
{
    public static TheoryData<string> Pdfs => new(CorpusDocuments.Pdfs.Select(i => i.Name));

    [Theory]
    [MemberData(nameof(Pdfs))]
    public void Xref_PointsAtEachObject_InEveryPdf(string name)
    {
        var pdf = Encoding.Latin1.GetString(CorpusDocuments.AttachmentOf(Corpus.Get(name)));

        var startxref = pdf.LastIndexOf("startxref\n", StringComparison.Ordinal);
        var xref = int.Parse(pdf[(startxref + 10)..pdf.IndexOf('\n', startxref + 10)], CultureInfo.InvariantCulture);
        Assert.StartsWith("xref\n0 ", pdf[xref..]);
        var header = pdf.IndexOf('\n', xref + 5);
        var count = int.Parse(pdf[(xref + 7)..header], CultureInfo.InvariantCulture);
        for (var number = 1; number < count; number++)
        {
            var entry = pdf.Substring(header + 1 + number * 20, 20);
            var offset = int.Parse(entry[..10], CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj\n", pdf[offset..(offset + 20)]);
        }
    }

    [Fact]
    public void ControlPdf_OpensWithTheLinkOverTheTrustedAddress()
    {
        var item = Corpus.Get("control-pdf-link");

        using var document = PdfDocument.Open(CorpusDocuments.AttachmentOf(item));

        var link = Assert.Single(document.GetPage(1).GetHyperlinks());
        Assert.Equal(item.MaliciousUrl, link.Uri);
        Assert.Equal(Lure.DisplayText, link.Text);
    }

    [Fact]
    public void EncryptedPdf_OpensOnlyWithTheUserPasswordTheMessageNeverGives()
    {
        var item = Corpus.Get("pdf-encrypted");
        var pdf = CorpusDocuments.AttachmentOf(item);

        Assert.Throws<PdfDocumentEncryptedException>(() => PdfDocument.Open(pdf));
        using var document = PdfDocument.Open(pdf, new ParsingOptions { Password = PdfEncryptedItems.UserPassword });
        Assert.Equal(item.MaliciousUrl, Assert.Single(document.GetPage(1).GetHyperlinks()).Uri);
        Assert.DoesNotContain(PdfEncryptedItems.UserPassword, item.ToMessage().ToString());
    }

    [Fact]
    public void FlateBomb_InflatesToOneGibibyte()
    {
        var pdf = CorpusDocuments.AttachmentOf(Corpus.Get("pdf-flate-bomb"));

        var largest = Streams(pdf).Max(s => s.Length);
        using var inflated = new ZLibStream(new MemoryStream(Streams(pdf).Single(s => s.Length == largest)), CompressionMode.Decompress);
        Assert.Equal(1L << 30, CountBytes(inflated));
        Assert.InRange(largest, 1, 2 << 20);
    }

    [Fact]
    public void AnnotationFlood_Has2500AnnotationsBeforeTheLink()
    {
        var item = Corpus.Get("pdf-annotation-flood");

        using var document = PdfDocument.Open(CorpusDocuments.AttachmentOf(item));

        var page = document.GetPage(1);
        Assert.Equal(2501, page.GetAnnotations().Count());
        Assert.Equal(item.MaliciousUrl, Assert.Single(page.GetHyperlinks()).Uri);
    }

    [Fact]
    public void OperatorFlood_Shows2Point5MillionTimes_FromTensOfKilobytes()
    {
        var pdf = CorpusDocuments.AttachmentOf(Corpus.Get("pdf-operator-flood"));

        var flood = Streams(pdf).MaxBy(s => s.Length)!;
        using var inflated = new StreamReader(new ZLibStream(new MemoryStream(flood), CompressionMode.Decompress), Encoding.Latin1);
        Assert.Equal(2_500_000, Regex.Count(inflated.ReadToEnd(), @"\) Tj\n"));
        Assert.InRange(pdf.Length, 1, 100 * 1024);
    }

    [Fact]
    public void FanOut_DrawsEachFormThirtyTimes_FromAFewKilobytes()
    {
        var pdf = Encoding.Latin1.GetString(CorpusDocuments.AttachmentOf(Corpus.Get("pdf-xobject-fanout")));

        Assert.Equal(5 * 30, Regex.Count(pdf, "/X Do"));
        Assert.Equal(6, Regex.Count(pdf, "/Subtype /Form"));
        Assert.InRange(pdf.Length, 1, 4096);
    }

    internal static long CountBytes(Stream stream)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
            total += read;
        return total;
    }

    // The data of each stream object, found by its /Length.
    private static IEnumerable<byte[]> Streams(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        for (var at = text.IndexOf("/Length ", StringComparison.Ordinal); at >= 0; at = text.IndexOf("/Length ", at + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf(' ', at + 8);
            var length = int.Parse(text[(at + 8)..end], CultureInfo.InvariantCulture);
            var data = text.IndexOf("stream\n", end, StringComparison.Ordinal) + 7;
            yield return pdf[data..(data + length)];
        }
    }
}
