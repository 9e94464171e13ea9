using System.Text;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Tests.TestSupport;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary>The test that spares most files the full lex for reference-only objects: whenever it says a file cannot
/// hold one, the lex must find none.</summary>
public class PdfReferenceOnlyObjectsTests
{
    [Theory]
    [InlineData("4 0 obj 5 0 R\n% a note\nendobj 5 0 obj 4 0 R endobj")]        // a comment line between the R and endobj
    [InlineData("4 0 obj 5 0 R % a note\n\n%%\n  % more\nendobj 5 0 obj 4 0 R endobj")] // comment lines, blank lines
    [InlineData("x%4 0 obj 5 0 R %\nendobj %y%5 0 obj 4 0 R %\nendobj")]         // R's read by readers sent into comments
    [InlineData("4 0 obj 5 0 R\r\n%\r\nendobj 5 0 obj 4 0 Rendobj")]
    public void Filter_LetsThrough_EveryWayAnRCanPrecedeEndobj(string objects)
    {
        var bytes = Encoding.Latin1.GetBytes(objects);
        Assert.True(PdfReferenceOnlyObjects.AnyEndobjAfterAReference(bytes));
        Assert.StartsWith("object 4 is on a loop", PdfReferenceChains.Runaway(bytes));
    }

    [Theory]
    [InlineData("1 0 obj << /A 2 0 R >> endobj")]
    [InlineData("1 0 obj 5 endobj 2 0 obj\nstream\nx%R y%z\nendstream\nendobj")] // binary data with % and R before endstream
    [InlineData("1 0 obj [2 0 R]\n% R is not last here: x\nendobj")]
    public void Filter_StopsFilesWhereNoRPrecedesEndobj(string objects) =>
        Assert.False(PdfReferenceOnlyObjects.AnyEndobjAfterAReference(Encoding.Latin1.GetBytes(objects)));

    [Fact]
    public void Filter_NeverStopsAFileTheLexFindsAReferenceOnlyObjectIn_OnRandomLayouts()
    {
        // The pattern's tokens in order, with white space, comments and stray % signs and R's drawn between them.
        string[] tokens = ["4", "0", "obj", "5", "0", "R", "endobj"];
        string[] before = ["", "%", "x%", "1 0 obj << >> endobj %", "x%y%", "\n%\n"];
        string[] between = [" ", " ", " ", "", "\n", "\r\n", "\r", "%", "%\n", "% x\n", "%R\n", " %R %\n", "%%\r", "x", "R", "\n%\n"];
        var random = new Random(19);
        var checkedWithObjects = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var text = new StringBuilder();
            text.Append(before[random.Next(before.Length)]);
            foreach (var token in tokens)
            {
                text.Append(token);
                for (var n = random.Next(1, 3); n > 0; n--)
                    text.Append(between[random.Next(between.Length)]);
            }
            var bytes = Encoding.Latin1.GetBytes(text.ToString());
            if (PdfReferenceOnlyObjects.FindByLexing(bytes) is not { Count: > 0 })
                continue;
            checkedWithObjects++;
            Assert.True(PdfReferenceOnlyObjects.AnyEndobjAfterAReference(bytes), $"stopped: {text.ToString().ReplaceLineEndings("\\n")}");
        }
        Assert.True(checkedWithObjects > 1000, $"only {checkedWithObjects} layouts held a reference-only object");
    }

    [SkippableFact]
    public void Filter_NeverStopsACorpusPdfTheLexFindsAReferenceOnlyObjectIn()
    {
        var pdfs = 0;
        foreach (var (name, bytes) in CorpusPdfs.All())
        {
            pdfs++;
            if (PdfReferenceOnlyObjects.FindByLexing(bytes) is { Count: > 0 })
                Assert.True(PdfReferenceOnlyObjects.AnyEndobjAfterAReference(bytes), name);
        }
        Assert.True(pdfs > 30);
    }
}
