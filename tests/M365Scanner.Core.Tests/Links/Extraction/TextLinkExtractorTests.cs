using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class TextLinkExtractorTests
{
    private static void AssertLinks(string text, params string[] expected)
    {
        var found = new TextLinkExtractor().Extract(text, LinkOrigin.Body);
        Assert.Equal(expected, found.Select(l => l.Url));
        Assert.All(found, l => Assert.Equal(LinkSource.Text, l.Source));
    }

    [Theory]
    [InlineData("Go to http://example.com/a.", "http://example.com/a")]
    [InlineData("(see https://example.com/path)", "https://example.com/path")]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(bar), ok", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("<https://example.com/x?a=1&b=2>", "https://example.com/x?a=1&b=2")]
    [InlineData("\"http://example.com/q\"", "http://example.com/q")]
    [InlineData("Really? http://example.com!", "http://example.com")]
    [InlineData("HTTPS://EXAMPLE.COM/Up", "HTTPS://EXAMPLE.COM/Up")]
    [InlineData("ftp://files.example.org/pub/x.zip;", "ftp://files.example.org/pub/x.zip")]
    public void Extract_TrimsTrailingPunctuation_WhenUrlEndsASentence(string text, string expected) =>
        AssertLinks(text, expected);

    [Fact]
    public void Extract_ReturnsBareWwwHost_WhenWrittenWithoutScheme() =>
        AssertLinks("Visit www.enron.com/gas today, or www.example.co.uk.", "www.enron.com/gas", "www.example.co.uk");

    [Fact]
    public void Extract_IgnoresWww_WhenPartOfEmailAddressOrOtherWord() =>
        AssertLinks("mail john@www.example.com or see foo.www.example.com or swww.x.com");

    [Fact]
    public void Extract_ReturnsNothing_WhenSchemeHasNoHost() =>
        AssertLinks("the prefix http:// alone, or www. alone");

    [Fact]
    public void Extract_ReturnsEveryUrl_InDocumentOrder() =>
        AssertLinks("first http://a.example/1\nthen\thttps://b.example/2 and www.c.example",
            "http://a.example/1", "https://b.example/2", "www.c.example");

    [Fact]
    public void Extract_StopsAtWhitespace_WhenUrlIsFollowedByText() =>
        AssertLinks("http://a.example/x\u00A0next", "http://a.example/x");

    [Fact]
    public void Extract_FinishesQuickly_WhenTextIsOneHugeRun()
    {
        // A pathological input for backtracking regexes: must scale linearly (correctness check, not a timing).
        var text = "http://a.example/" + new string('.', 200_000);
        var found = new TextLinkExtractor().Extract(text, LinkOrigin.Body);
        Assert.Equal("http://a.example/", Assert.Single(found).Url);
    }
}
