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
}
