using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary>Markup where a browser shows a link that the token reader does not find, because it reads a raw-text
/// element or a CDATA opener otherwise than the browser: the extraction names it as content not read (a gap, which
/// the policy's fail-safe decides on). The first five are an adversarial review's; each showed a browser's link that
/// the extractor did not find.</summary>
public class HtmlReadingHazardsTests
{
    private static readonly HtmlLinkExtractor Extractor = new();

    [Theory]
    [InlineData("<svg><style></svg><a href=\"https://evil.example/\">Click</a></style>")]
    [InlineData("<math><title></math><a href=\"https://evil.example/\">Click</a></title>")]
    [InlineData("<svg><![CDATA[x><!--]]></svg><a href=\"https://evil.example/\">Click</a><!---->")]
    [InlineData("<noscript><style></noscript><a href=\"https://evil.example/\">Click</a></style>")]
    [InlineData("<select><style></select><a href=\"https://evil.example/\">Click</a></style>")]
    // A browser leaves the SVG at </div> (the div is open and in scope) and reads the CDATA opener as a bogus comment;
    // neither an HTML reading nor a "still in SVG" reading finds the link.
    [InlineData("<div><svg><style></div><![CDATA[><a href=https://evil.example/>Click</a>]]>")]
    // With scripting on, the noscript element ends inside the attribute value.
    [InlineData("<noscript><a title=\"</noscript><a href=https://evil.example/>x</a>\">t</a></noscript>")]
    public void MarkupABrowserReadsOtherwise_IsAGap_WhereTheLinkIsNotFound(string html)
    {
        var notes = new List<string>();

        var links = Extractor.Extract(html, LinkOrigin.Body, notes);

        Assert.DoesNotContain(links, l => l.Url.Contains("evil.example", StringComparison.Ordinal));
        var gap = Assert.Single(ContentGaps.Of(notes));
        Assert.StartsWith("html read only in part: body: ", gap, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<svg width=\"10\"><path d=\"M0 0\"/></svg><p><a href=\"https://ok.example/\">ok</a></p>")]
    // An exported icon: its style holds CSS only, read alike as text and as markup.
    [InlineData("<svg viewBox=\"0 0 10 10\"><defs><style>.cls-1{fill:#EB1100;}</style></defs><text class=\"cls-1\">A</text></svg><style>p{}</style>")]
    [InlineData("<svg><![CDATA[a < b]]></svg><p>after</p>")]
    [InlineData("<noscript><img src=\"https://t.example/p.gif\"></noscript><style>p { color: red }</style>")]
    [InlineData("<noscript><p>Enable images</p>")]
    [InlineData("<select><option>a</option></select><style>p { color: red }</style><title>t</title>")]
    [InlineData("<![CDATA[x]]><style>p { }</style><script>var a = '<a href=x>';</script><svg></svg>")]
    public void OrdinaryMarkup_IsNoGap(string html)
    {
        var notes = new List<string>();

        Extractor.Extract(html, LinkOrigin.Body, notes);

        Assert.Empty(ContentGaps.Of(notes));
    }
}
