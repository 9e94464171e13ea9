using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Mail;

/// <summary>The bound follows MimeKit's header buffer: 512 bytes to start, grown to the next multiple of 64 bytes
/// when a piece of a line (at most 4 KiB) does not fit, the new size counted; a line that makes it grow counts one
/// growth more, as if a read block ended just past the buffer's end.</summary>
public class HeaderCopyCostTests
{
    private static readonly string A600 = new('a', 600);
    private static readonly string A100 = new('a', 100);

    // The shortcut for short messages is tested apart; padding the body past it keeps the counting in view.
    private static long Cost(string mime) => Bound(Encoding.ASCII.GetBytes(mime + "\r\n" + new string('b', 100_000)));

    /// <summary>The least limit <see cref="HeaderCopyCost.Exceeds"/> does not refuse: the modelled cost.</summary>
    internal static long Bound(byte[] mime)
    {
        long low = 0, high = 1L << 40;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (HeaderCopyCost.Exceeds(mime, middle))
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    [Theory]
    [InlineData("X: abcd\r\n abc\r\n\r\n", 0)] // fits the first 512 bytes
    // 605 bytes: 576 then 640; + 103: 704 then 768; + 103: 832 (it fits); "Y: z" fits.
    [InlineData("X: {600}\r\n {100}\r\n\t{100}\r\nY: z\r\n\r\n", 576 + 640 + 704 + 768 + 832)]
    // A body costs nothing, however its lines begin.
    [InlineData("X: abcd\r\n\r\n {600}\r\n {600}\r\n", 0)]
    public void Cost_CountsEveryGrowthOfTheBuffer(string mime, long expected) =>
        Assert.Equal(expected, Cost(mime.Replace("{600}", A600).Replace("{100}", A100)));

    [Fact]
    public void Cost_CountsALongLineInTheBlocksMimeKitReadsItIn() =>
        // 10,005 bytes: 576 (a block may end just past the buffer), then 4096, 8192, and 10,005 rounded up to 10,048.
        Assert.Equal(576 + 4096 + 8192 + 10_048, Cost("X: " + new string('a', 10_000) + "\r\n\r\n"));

    [Theory]
    // After a line that may be a boundary, a part's header block counts; its body does not.
    [InlineData("X: a\r\n\r\n--b\r\nContent-Type: text/plain\r\nY: {600}\r\n\r\nZ: {600}\r\n", 576 + 640)]
    // A Content-Type naming a message: its body is a message, whose header block counts too.
    [InlineData("Content-Type: MESSAGE/rfc822\r\n\r\nA: {600}\r\n", 576 + 640)]
    [InlineData("Content-Type: text/rfc822-headers\r\n\r\nA: {600}\r\n", 576 + 640)]
    [InlineData("Content-Type: text/plain\r\n\r\nA: {600}\r\n", 0)]
    // A part without a Content-Type may be a message (in a multipart/digest); "Content-Types" is not one.
    [InlineData("X: a\r\n\r\n--b\r\nY: c\r\n\r\nA: {600}\r\n", 576 + 640)]
    [InlineData("X: a\r\n\r\n--b\r\nContent-Types: text/plain\r\n\r\nA: {600}\r\n", 576 + 640)]
    // A boundary among a part's headers starts the next part's.
    [InlineData("X: a\r\n\r\n--b\r\nContent-Type: text/plain\r\n--b\r\n\r\nA: {600}\r\n", 576 + 640)]
    public void Cost_CountsEveryBlockMimeKitMayReadAsHeaders(string mime, long expected) =>
        Assert.Equal(expected, Cost(mime.Replace("{600}", A600)));

    [Fact]
    public void Exceeds_IsFalse_WithoutLooking_WhenTheMessageIsTooShortToCostTheLimit()
    {
        // 100 lines of 60 characters folded (6 KB): 6 KB × (6 KB / 64 + 1) bounds it, about 0.6 MB.
        var mime = Encoding.ASCII.GetBytes("X: start" + string.Concat(Enumerable.Repeat("\r\n " + new string('a', 60), 100)) + "\r\n\r\n");
        Assert.False(HeaderCopyCost.Exceeds(mime, 1_000_000));
        Assert.True(HeaderCopyCost.Exceeds(mime, 100_000));
    }

    [Fact]
    public void Exceeds_TheProductsLimit_OnAHeaderFoldedOver40000Lines() =>
        Assert.True(HeaderCopyCost.Exceeds(FoldedHeaderMessage.Build(), EmlReader.MaxHeaderCopyBytes));

    // Real mail stays far below the limit: no message of the corpora comes within a 64th of it.
    [SkippableTheory]
    [InlineData("phishing")]
    [InlineData("lists")]
    [InlineData("enron")]
    public void Exceeds_NotAFractionOfTheProductsLimit_OnAnyMessageOfTheCorpus(string corpus)
    {
        var folder = RequiredSharedData.RequireOrSkip(corpus);
        var over = Directory.EnumerateFiles(folder, "*.eml", SearchOption.AllDirectories)
            .Where(f => HeaderCopyCost.Exceeds(File.ReadAllBytes(f), EmlReader.MaxHeaderCopyBytes / 64))
            .ToList();
        Assert.Empty(over);
    }
}
