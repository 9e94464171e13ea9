using System.Text;
using M365Scanner.Core.Mail;
using MimeKit;

namespace M365Scanner.Core.Tests.Mail;

/// <summary>The bound is not below what MimeKit allocates parsing the message (all of it, of which the header buffer's
/// growth is all but 1-2%), on every shape an adversarial review used to get a header block past an earlier version of
/// it, and on the plain ones.</summary>
public class HeaderCopyCostAgainstMimeKitTests
{
    // One header folded over 2,000 lines of 60 characters: about 124 MB of MimeKit's allocation, parsed in well
    // under a second.
    private static readonly string Folded = "X-Fold: a\r\n" + string.Concat(Enumerable.Repeat(" " + new string('a', 60) + "\r\n", 2000));

    private static string LongLines(int length) =>
        "X-Fold: a\r\n" + string.Concat(Enumerable.Repeat(" " + new string('a', length - 3) + "\r\n", 60));

    private const string Digest = "From: a@b.example\r\nContent-Type: multipart/digest; boundary=b\r\n\r\n";
    private const string Mixed = "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";

    public static TheoryData<string, string> Shapes => new()
    {
        { "top-level header", "From: a@b.example\r\n" + Folded + "\r\nbody\r\n" },
        { "attached message/rfc822", Mixed + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + Folded + "\r\nbody\r\n--b--\r\n" },
        { "attached message/global", Mixed + "--b\r\nContent-Type: message/global\r\n\r\n" + Folded + "\r\nbody\r\n--b--\r\n" },
        { "text/rfc822-headers part", Mixed + "--b\r\nContent-Type: text/rfc822-headers\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "text/rfc822-headers message", "From: a@b.example\r\nContent-Type: text/rfc822-headers\r\n\r\n" + Folded },
        { "text/rfc822-headers folded", "From: a@b.example\r\nContent-Type: text/\r\n rfc822-headers\r\n\r\n" + Folded },
        { "digest part ended by a boundary", Digest + "--b\r\nContent-Type: text/plain\r\n--b\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "digest message headers ended by a boundary", Digest + "--b\r\nContent-Type: message/rfc822\r\n\r\nX: y\r\n--b\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "digest part with Content-Types", Digest + "--b\r\nContent-Types: x\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "digest part with 'Content-Type x'", Digest + "--b\r\nContent-Type x: text/plain\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "digest part without a Content-Type", Digest + "--b\r\nX: y\r\n\r\n" + Folded + "\r\n--b--\r\n" },
        { "lines of 4095 bytes", "From: a@b.example\r\n" + LongLines(4095) + "\r\nbody\r\n" },
        { "lines of 4097 bytes", "From: a@b.example\r\n" + LongLines(4097) + "\r\nbody\r\n" },
        { "lines of 6000 bytes", "From: a@b.example\r\n" + LongLines(6000) + "\r\nbody\r\n" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Bound_IsAtLeastWhatMimeKitAllocates(string shape, string mime)
    {
        var bytes = Encoding.ASCII.GetBytes(mime);
        Parse(bytes); // compiled and warm, so the count below is the parse's own
        var before = GC.GetAllocatedBytesForCurrentThread();
        Parse(bytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated > 5_000_000, $"{shape}: MimeKit allocated only {allocated:N0} bytes, the shape is not costly");
        // All but the message's own objects and copies, 1-2% of it here, is the header buffer's growth.
        var growth = allocated * 98 / 100;
        Assert.True(HeaderCopyCost.Exceeds(bytes, growth - 1),
            $"{shape}: MimeKit allocated {allocated:N0} bytes, the bound is {HeaderCopyCostTests.Bound(bytes):N0}");
    }

    private static void Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        using var message = MimeMessage.Load(EmlReader.Options, stream, persistent: true);
    }
}
