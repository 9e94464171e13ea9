using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class PdfObjectsTests
{
    [Fact]
    public void TryResolve_KeepsAStream_SoEveryLaterLookupGetsTheSameOne()
    {
        var pdf = RawPdf.OnePage("/Contents 4 0 R", RawPdf.FlateStream("BT /F1 12 Tf (x) Tj ET"u8.ToArray()));
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var contents = new IndirectReference(4, 0);
        Assert.NotSame(scanner.Get(contents)!.Data, scanner.Get(contents)!.Data); // PdfPig reads a stream anew each time

        Assert.True(new PdfObjects(scanner, keptStreamBytes: pdf.Length).TryResolve(new IndirectReferenceToken(contents), out StreamToken? stream));

        Assert.Same(stream, scanner.Get(contents)!.Data);
        Assert.Same(stream, scanner.Get(contents)!.Data);
    }

    [Fact]
    public void TryResolve_KeepsStreamsOnlyUpToItsBudget_ThenLeavesThemToBeReadAgain()
    {
        var content = new byte[1000];
        var pdf = RawPdf.OnePage("/Contents [4 0 R 5 0 R]", RawPdf.Stream(content), RawPdf.Stream(content));
        using var document = PdfDocument.Open(pdf);
        var scanner = document.Structure.TokenScanner;
        var objects = new PdfObjects(scanner, keptStreamBytes: 1500);
        var (first, second) = (new IndirectReference(4, 0), new IndirectReference(5, 0));

        Assert.True(objects.TryResolve(new IndirectReferenceToken(first), out StreamToken? kept));
        Assert.True(objects.TryResolve(new IndirectReferenceToken(second), out StreamToken? notKept));

        Assert.Same(kept, scanner.Get(first)!.Data);
        Assert.NotSame(notKept, scanner.Get(second)!.Data);
    }
}
