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
    public void MarkupABrowserReadsOtherwise_IsAGap_WhereTheLinkIsNotFound(string html) => AssertTheHiddenLinkIsAGap(html);

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

    // From the second adversarial review: a hiding place the first rules missed, benign markup they named, and a
    // document that made them search the input once per noscript start tag.

    // The link a browser shows is not found, and one gap names the document as read only in part.
    private static void AssertTheHiddenLinkIsAGap(string html, string gapStart = "html read only in part: body: ")
    {
        var gaps = GapsOf(html, out var links);

        Assert.DoesNotContain(links, l => l.Url.Contains("evil.example", StringComparison.Ordinal));
        Assert.StartsWith(gapStart, Assert.Single(gaps), StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> GapsOf(string html, out IReadOnlyList<FoundLink> links)
    {
        var notes = new List<string>();
        links = Extractor.Extract(html, LinkOrigin.Body, notes);
        return ContentGaps.Of(notes).ToList();
    }

    // Under the select rules Firefox and Safari follow, a template inside select is parsed in template mode: a div
    // there makes the </select> an end tag the browser ignores, and </template> puts it back in select, where the
    // style start tag is ignored and its content is markup. parse5 8.1.1 puts the link in the body.
    [Theory]
    [InlineData("<select><template><div></select></template><style></select><a href=https://evil.example/>Click</a></style>")]
    [InlineData("<select><option><template><p></select></template><title></select><a href=https://evil.example/>Click</a></title>")]
    public void SelectABrowserStillHasOpen_AfterAnEndTagInsideATemplate_IsAGap(string html) => AssertTheHiddenLinkIsAGap(html);

    // A browser shows an iframe's srcdoc as a document, the link in it clickable; it was neither read nor named.
    [Theory]
    [InlineData("<iframe srcdoc=\"&lt;a href=https://evil.example/&gt;Click&lt;/a&gt;\"></iframe>")]
    [InlineData("<iframe srcdoc='<p>Your account: <a href=\"https://evil.example/\">verify</a>'></iframe>")]
    public void AnIframesSrcdocDocument_IsAGap(string html) =>
        AssertTheHiddenLinkIsAGap(html, "html read only in part: body: an iframe's srcdoc document");

    // The tag manager's noscript fallback in pages saved or forwarded as mail: an iframe with a src and no srcdoc.
    [Fact]
    public void AnIframeWithoutSrcdoc_IsNoGap() =>
        Assert.Empty(GapsOf("<noscript><iframe src=\"https://www.googletagmanager.com/ns.html?id=GTM-X\" height=\"0\" width=\"0\" style=\"display:none\"></iframe></noscript>", out _));

    // Where content holds no tag, only comments or CDATA sections that end inside it, a browser reading it as markup
    // reads the same text and meets the same end tag. Neither link is hidden: each reading finds it.
    [Theory]
    // Illustrator's and Inkscape's inline style.
    [InlineData("<svg viewBox=\"0 0 10 10\"><style type=\"text/css\"><![CDATA[\n\t.st0{fill:#FFFFFF;}\n]]></style><path class=\"st0\" d=\"M0 0\"/></svg><a href=\"https://ok.example/\">ok</a>")]
    // The comment-wrapped CSS of Outlook and most newsletter builders, after an inline icon.
    [InlineData("<svg width=\"16\"><path d=\"M0 0\"/></svg><style type=\"text/css\"><!--\np.MsoNormal {margin:0cm;}\n--></style><a href=\"https://ok.example/\">ok</a>")]
    [InlineData("<svg><title>a < b</title></svg><a href=\"https://ok.example/\">ok</a>")]
    [InlineData("<select name=\"s\"><option>1</option><style><!-- p{} --></style></select><a href=\"https://ok.example/\">ok</a>")]
    public void ContentWithNoTag_AfterSvgOrInSelect_IsNoGap(string html)
    {
        var gaps = GapsOf(html, out var links);

        Assert.Empty(gaps);
        Assert.Contains(links, l => l.Url == "https://ok.example/");
    }

    // Each is a hiding place still: a comment that ends at once ("<!-->"), a tag after a section, a CDATA section
    // where a browser reads none (in select), script content. parse5 8.1.1 shows
    // the link in each.
    [Theory]
    [InlineData("<svg><style><!--></svg><a href=https://evil.example/>x</a>--></style>")]
    [InlineData("<svg><style><![CDATA[x]]></svg><a href=https://evil.example/>x</a></style>")]
    [InlineData("<math><title><![CDATA[x]]></math><a href=https://evil.example/>x</a></title>")]
    [InlineData("<svg></svg><select><style><![CDATA[></select><a href=https://evil.example/>x</a>]]></style>")]
    [InlineData("<svg><script><!--x--></svg><a href=https://evil.example/>x</a></script>")]
    public void ContentWithATagOrAnOpenSection_IsStillAGap(string html) => AssertTheHiddenLinkIsAGap(html);

    // Every noscript start tag searched the rest of the input for "</noscript" while none was pending, and with none
    // found none stays pending: 100k "<noscript></b>" (1.4M chars) was one search of the whole input per tag.
    [Fact]
    public void NoscriptStartTagsWithNoEndTag_SearchTheInputOnce()
    {
        var html = string.Concat(Enumerable.Repeat("<noscript></b>", 100_000));
        var scanner = new HtmlScanner(html.AsMemory());
        var hazards = new HtmlReadingHazards(LinkOrigin.Body);

        while (scanner.Read() != HtmlScanner.Kind.EndOfFile)
            hazards.Read(scanner);
        hazards.Read(scanner);

        Assert.InRange(scanner.CharsSearchedForEndTags, 0, html.Length);
        Assert.Null(hazards.Note);
    }
}