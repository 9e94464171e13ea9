using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Core.Tests.Fuzzing;

/// <summary>Inputs that crashed a target of tests/M365Scanner.Fuzz (scripts/fuzz), each replayed through the API the
/// target drives and, where the product reaches it another way, through that way too. docs/BENCHMARKS.md
/// ("Fuzzing") lists the campaigns that found them.</summary>
public class FuzzRegressionTests
{
    // Target url, first minute: a "www." run that trailing-punctuation trimming cuts back to "www" made
    // TextLinkExtractor slice past its end (ArgumentOutOfRangeException). Text bodies are read outside any catch, so
    // a message saying "see www.." failed its whole scan.
    [Theory]
    [InlineData("www..")]
    [InlineData("see www.., or www.,")]
    [InlineData("(www.)")]
    [InlineData("//\u007fa\uFFFD\uFFFDwww..")] // the fuzzer's input as the target decodes it
    public void TextLinkExtractor_FindsNoLink_WhenTrimmingLeavesOnlyWww(string text) =>
        Assert.Empty(new TextLinkExtractor().Extract(text, LinkOrigin.Body));

    [Fact]
    public void MessageLinkExtractor_ScansTheRest_WhenBodiesHoldATrimmedWww()
    {
        var message = new EmailMessage
        {
            TextBody = "Call www.. or open http://partner.example/a",
            HtmlBody = "<p>www..</p><a href=\"http://partner.example/b\">b</a>",
            Attachments = [new EmailAttachment("notes.txt", "text/plain", Encoding.UTF8.GetBytes("www.."), 5)],
        };

        var result = new MessageLinkExtractor().Extract(message);

        Assert.Equal(["http://partner.example/b", "http://partner.example/a"], result.Links.Select(l => l.Url));
        Assert.Empty(result.Notes);
    }

    // Target pdf: two inputs on which PdfPig overflows its stack (the process ends). Core now keeps each from PdfPig:
    // a form drawing itself through the page's resources is priced as over budget before the page is rendered, and
    // implausible cross-reference stream widths keep the file from being opened. Read in process here: before those
    // checks this test run would have aborted.
    [Theory]
    [InlineData("pdf-xobject-recursion.minimal.pdf", "drawing operators")]
    [InlineData("pdf-xobject-recursion.fuzzer.pdf", "drawing operators")]
    [InlineData("pdf-xref-stream-width.minimal.pdf", "bytes wide")]
    [InlineData("pdf-xref-stream-width.fuzzer.pdf", "bytes wide")]
    public void PdfLinkExtractor_NamesTheGap_WhenPdfPigWouldOverflowItsStack(string file, string says)
    {
        var notes = new List<string>();
        new PdfLinkExtractor(ExtractionLimits.Default).Extract(File.ReadAllBytes(TestData(file)), "attachment:x.pdf", notes, []);
        Assert.Contains(notes, n => n.Contains(says, StringComparison.Ordinal) && ContentGaps.IsGap(n));
    }

    private static string TestData(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return Path.Combine(dir.FullName, "tests", "M365Scanner.Core.Tests", "Fuzzing", "TestData", file);
        throw new DirectoryNotFoundException("M365Scanner.sln not found above the test assembly");
    }
}
