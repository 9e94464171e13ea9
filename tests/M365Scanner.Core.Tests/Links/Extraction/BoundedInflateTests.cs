using System.IO.Compression;
using M365Scanner.Core.Links.Extraction;

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
}
