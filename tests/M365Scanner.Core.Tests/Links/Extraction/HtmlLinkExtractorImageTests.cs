using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class HtmlLinkExtractorImageTests
{
    private static IReadOnlyList<FoundLink> Extract(string html) => new HtmlLinkExtractor().Extract(html, LinkOrigin.Body, new List<string>());

    [Fact]
    public void Extract_ReturnsRemoteImage_WithAltText()
    {
        var link = Assert.Single(Extract("""<p><img src="https://cdn.evil.example/qr.png" alt="Scan to verify"></p>"""));
        Assert.Equal(("https://cdn.evil.example/qr.png", "Scan to verify", LinkSource.Image), (link.Url, link.Text, link.Source));
    }

    [Fact]
    public void Extract_ReturnsBackgroundImage_WhenTableCellHasOne() =>
        Assert.Equal(["https://img.example/bg.jpg"],
            Extract("""<table><tr><td background="https://img.example/bg.jpg">x</td></tr></table>""").Select(l => l.Url));

    [Theory]
    [InlineData("""<img src="cid:logo@x">""")]
    [InlineData("""<img src="data:image/png;base64,iVBORw0KGgo=">""")]
    [InlineData("""<img src="images/local.png">""")]
    public void Extract_IgnoresImage_WhenItIsPartOfTheMessage(string html) => Assert.Empty(Extract(html));

    [Fact]
    public void Extract_ReturnsAnchorAndImage_WhenImageIsLinked()
    {
        var links = Extract("""<a href="https://site.example/go"><img src="https://cdn.example/b.png" alt="Go"></a>""");
        Assert.Equal([LinkSource.Anchor, LinkSource.Image], links.Select(l => l.Source));
    }

    // Inside SVG the tree builder keeps <image> as an SVG image, which a browser loads from its href: an inline
    // SVG's image was shown and not found.
    [Theory]
    [InlineData("""<svg width="100" height="100"><image href="https://evil.example/p.png" width="100" height="100"/></svg>""")]
    [InlineData("""<svg><image xlink:href="https://evil.example/p.png"/></svg>""")]
    public void Extract_ReturnsSvgImage_FromItsHref(string html) =>
        Assert.Contains(Extract(html), l => l.Url == "https://evil.example/p.png" && l.Source == LinkSource.Image);

    // A browser shows an image from these too, each in place of (or with no) src: they were neither found nor named.
    [Theory]
    [InlineData("""<img srcset="https://evil.example/p.png 1x, https://evil.example/q.png 2x">""", "https://evil.example/q.png")]
    [InlineData("""<img src="cid:logo@x" srcset="https://evil.example/a,b.png 2x">""", "https://evil.example/a,b.png")]
    [InlineData("""<picture><source srcset="https://evil.example/p.png" media="(min-width: 1px)"><img src="cid:logo@x"></picture>""", "https://evil.example/p.png")]
    [InlineData("""<form><input type="IMAGE" src="https://evil.example/button.png" alt="Sign in"></form>""", "https://evil.example/button.png")]
    public void Extract_ReturnsImage_ShownFromSrcsetOrAnImageButton(string html, string url) =>
        Assert.Contains(Extract(html), l => l.Url == url && l.Source == LinkSource.Image);
}
