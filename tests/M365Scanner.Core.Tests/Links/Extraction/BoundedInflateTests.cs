using System.IO.Compression;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class BoundedInflateTests
{
    private static byte[] Compress(byte[] data, bool zlibHeader = true)
    {
        using var output = new MemoryStream();
        using (Stream z = zlibHeader ? new ZLibStream(output, CompressionLevel.Fastest, true) : new DeflateStream(output, CompressionLevel.Fastest, true))
            z.Write(data);
        return output.ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // writers that omit the zlib header
    public void Measure_ReturnsInflatedLength_WhenWithinLimit(bool zlibHeader) =>
        Assert.Equal(100_000, BoundedInflate.Measure(Compress(new byte[100_000], zlibHeader), 1_000_000));

    [Fact]
    public void Measure_CountsAsPdfPigInflates_WhenTheHeaderBytesAreNotAValidZlibHeader()
    {
        // PdfPig skips two bytes whatever they are: a bomb behind an invalid header must not measure as nothing.
        var bomb = Compress(new byte[10_000_000], zlibHeader: false);
        Assert.Equal(4097, BoundedInflate.Measure((byte[])[0x78, 0x00, .. bomb], 4096));
    }

    [Fact]
    public void Measure_ReturnsLimitPlusOne_WhenStreamInflatesPastIt() =>
        Assert.Equal(4097, BoundedInflate.Measure(Compress(new byte[10_000_000]), 4096));

    [Fact]
    public void Measure_CountsWhatInflatedBeforeDamage()
    {
        var compressed = Compress(Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        var truncated = compressed[..(compressed.Length / 2)];
        var measured = BoundedInflate.Measure(truncated, long.MaxValue - 1);
        Assert.InRange(measured, 1, 200_000);
    }

    [Fact]
    public void TryInflate_StopsOnePastTheLimit_ForABomb() =>
        Assert.Equal(4097, BoundedInflate.TryInflate(Compress(new byte[10_000_000]), 4096)!.Value.Length);

    // A budget of long.MaxValue (no limit) made "limit + 1" wrap to a negative capacity: every Flate stream threw.
    [Fact]
    public void TryInflate_InflatesAll_WhenTheLimitIsLongMaxValue()
    {
        var data = new byte[5000];
        Random.Shared.NextBytes(data);
        Assert.Equal(data, BoundedInflate.TryInflate(Compress(data), long.MaxValue)!.Value.ToArray());
    }

    [Fact]
    public void TryInflate_LeavesAStreamWithoutAValidZlibHeaderToBeMeasured() =>
        Assert.Null(BoundedInflate.TryInflate(Compress(new byte[1000], zlibHeader: false), 1_000_000));

    [Fact]
    public void TryInflate_GivesWhatPdfPigsFilterGives_ForADamagedStream()
    {
        var compressed = Compress(Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        for (var i = compressed.Length / 3; i < compressed.Length / 3 + 64; i++)
            compressed[i] ^= 0x5A;
        Assert.Equal(PdfPigInflates(compressed), BoundedInflate.TryInflate(compressed, long.MaxValue - 1)!.Value.ToArray());
    }

    // Every Flate stream of every PDF in the phishing and list mail, found in the raw bytes as a reader that repairs
    // would find it: inflated once by us, it must be what PdfPig's own filter gives, or reading changed.
    [SkippableFact]
    public void TryInflate_GivesWhatPdfPigsFilterGives_ForEveryZlibStreamOfTheCorporaPdfs()
    {
        var compared = 0;
        foreach (var folder in new[] { "phishing", "lists" })
        {
            foreach (var (_, pdf) in CorpusPdfs.Attachments(RequiredSharedData.RequireOrSkip(folder)))
            {
                foreach (var stream in RawStreams(pdf))
                {
                    if (BoundedInflate.TryInflate(stream, long.MaxValue - 1) is not { } ours)
                        continue;
                    Assert.Equal(PdfPigInflates(stream), ours.ToArray());
                    compared++;
                }
            }
        }
        Assert.True(compared > 500, $"only {compared} streams were compared"); // 618 on the data of 2026-12
    }

    private static byte[] PdfPigInflates(byte[] compressed) =>
        new FlateFilter().Decode(compressed, new DictionaryToken(new Dictionary<NameToken, IToken>()), DefaultFilterProvider.Instance, 0).ToArray();

    private static IEnumerable<byte[]> RawStreams(byte[] pdf)
    {
        var at = 0;
        while (true)
        {
            var start = pdf.AsSpan(at).IndexOf("stream"u8);
            if (start < 0)
                yield break;
            start += at + "stream".Length;
            if (start < pdf.Length && pdf[start] == '\r')
                start++;
            if (start < pdf.Length && pdf[start] == '\n')
                start++;
            var end = pdf.AsSpan(start).IndexOf("endstream"u8);
            if (end < 0)
                yield break;
            yield return pdf[start..(start + end)];
            at = start + end + "endstream".Length;
        }
    }
}
