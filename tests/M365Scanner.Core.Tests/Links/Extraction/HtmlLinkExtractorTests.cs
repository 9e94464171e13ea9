using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class HtmlLinkExtractorTests
{
    private static IReadOnlyList<FoundLink> Extract(string html, List<string>? notes = null, ExtractionLimits? limits = null) =>
        new HtmlLinkExtractor(limits ?? ExtractionLimits.Default).Extract(html, LinkOrigin.Body, notes ?? []);

    /// <summary>Asserts the links as (url, text, source) in document order, and that no note was written.</summary>
    private static void AssertLinks(string html, params (string Url, string? Text, LinkSource Source)[] expected)
    {
        var notes = new List<string>();
        var found = Extract(html, notes);
        Assert.Equal(expected, found.Select(l => (l.Url, l.Text, l.Source)));
        Assert.All(found, l => Assert.Equal(LinkOrigin.Body, l.Origin));
        Assert.Empty(notes);
    }

    private static void AssertUrls(string html, params string[] expected) =>
        Assert.Equal(expected, Extract(html).Select(l => l.Url));

    [Fact]
    public void Extract_ReturnsHref_WhenTextShowsOtherDomain() =>
        AssertLinks("""<p>Log in at <a href="https://evil.example/login">https://www.paypal.com</a></p>""",
            ("https://evil.example/login", "https://www.paypal.com", LinkSource.Anchor));

    [Fact]
    public void Extract_CollapsesWhitespaceAndDecodesEntities_InAnchorText() =>
        AssertLinks("<a href=\"https://a.example/?x=1&amp;y=2\">\n  Click&nbsp;\n <b>here</b>\t now </a>",
            ("https://a.example/?x=1&y=2", "Click here now", LinkSource.Anchor));

    [Fact]
    public void Extract_RemovesInvisibleCharacters_FromAnchorText() =>
        AssertLinks("<a href='https://evil.example'>pay&#x200B;pal<span>.com</span>&shy;</a>",
            ("https://evil.example", "paypal.com", LinkSource.Anchor));

    [Fact]
    public void Extract_SeparatesBlocks_InAnchorText() =>
        AssertLinks("<a href='https://a.example'><div>Review</div><div>document</div><br>now</a>",
            ("https://a.example", "Review document now", LinkSource.Anchor));

    [Fact]
    public void Extract_UsesImageAlt_WhenAnchorHasNoText() =>
        AssertLinks("<a href='https://a.example/x'> <img src='cid:logo' alt=' Microsoft  Login '> </a>",
            ("https://a.example/x", "Microsoft Login", LinkSource.Anchor));

    [Fact]
    public void Extract_ReturnsNullText_WhenAnchorShowsNothing() =>
        AssertLinks("<a href='https://a.example/x'><img src='x.png'></a>", ("https://a.example/x", null, LinkSource.Anchor));

    [Fact]
    public void Extract_ReturnsAreaWithAlt_ForImageMaps() =>
        AssertLinks("""
            <img src="banner.png" usemap="#m">
            <map name="m"><area shape="rect" coords="0,0,10,10" href="https://a.example/map" alt="Open invoice">
            <area shape="rect" coords="10,0,20,10" nohref></map>
            """,
            ("https://a.example/map", "Open invoice", LinkSource.Area));

    [Fact]
    public void Extract_ReturnsFormActions_FromFormsButtonsAndInputs() =>
        AssertLinks("""
            <form action="https://harvest.example/post" method="post">
              <input name="pw" type="password">
              <button formaction="https://b.example/alt">Go</button>
              <input type="submit" formaction="https://c.example/alt">
            </form>
            """,
            ("https://harvest.example/post", null, LinkSource.FormAction),
            ("https://b.example/alt", null, LinkSource.FormAction),
            ("https://c.example/alt", null, LinkSource.FormAction));

    [Theory]
    [InlineData("0;url=https://r.example/a")]
    [InlineData("0; URL=https://r.example/a")]
    [InlineData("  5 ; url = 'https://r.example/a'  ")]
    [InlineData("0,url=\"https://r.example/a\"")]
    [InlineData("0.5;Url='https://r.example/a' trailing")]
    [InlineData("0 https://r.example/a")]
    [InlineData("3;https://r.example/a")]
    public void Extract_ReturnsMetaRefreshUrl_ForSyntaxVariants(string content) =>
        AssertLinks($"<html><head><meta http-equiv=\" Refresh \" content=\"{content.Replace("\"", "&quot;")}\"></head></html>",
            ("https://r.example/a", null, LinkSource.MetaRefresh));

    [Theory]
    [InlineData("5")]
    [InlineData("url=https://r.example/a")]
    [InlineData("0;url=")]
    public void Extract_IgnoresMetaRefresh_WhenItOnlyReloadsOrIsInvalid(string content) =>
        AssertLinks($"<meta http-equiv='refresh' content='{content}'>");

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#top")]
    [InlineData("mailto:a@b.example")]
    [InlineData("  MailTo:a@b.example")]
    [InlineData("cid:image001.png@01D")]
    [InlineData("TEL:+441234")]
    [InlineData("\u0001\tmail\nto:a@b.example ")]
    public void Extract_SkipsHref_WhenItIsNotALinkToAPage(string href) =>
        AssertLinks($"<a href=\"{href}\">x</a><area href=\"{href}\"><form action=\"{href}\"></form>");

    [Fact]
    public void Extract_ReportsDataAndJavascriptUrls_AsWritten() =>
        AssertUrls("<a href=' javascript:alert(1) '>a</a><a href='data:text/html;base64,PGgxPg=='>b</a>",
            "javascript:alert(1)", "data:text/html;base64,PGgxPg==");

    [Fact]
    public void Extract_CutsDataUrlAndNotesIt_WhenDataUrlIsHuge()
    {
        var notes = new List<string>();
        var payload = new string('A', 5_000_000);
        var link = Assert.Single(Extract($"<a href='data:text/html;base64,{payload}'>open</a>", notes));
        Assert.Equal(2048, link.Url.Length);
        Assert.StartsWith("data:text/html;base64,AAAA", link.Url);
        Assert.Contains(notes, n => n.Contains("data: URL shortened") && n.Contains("5000022 chars"));
    }

    [Fact]
    public void Extract_ResolvesRelativeHrefs_WhenDocumentHasBase() =>
        AssertUrls("""
            <a href="/first">before base</a>
            <base href="https://base.example/dir/page.html"><base href="https://ignored.example/">
            <a href="next.html">x</a><a href="//other.example/p">y</a><a href="https://abs.example/">z</a>
            <a href="javascript:void(0)">j</a><form action="../post"></form>
            """,
            "https://base.example/first", "https://base.example/dir/next.html", "https://other.example/p",
            "https://abs.example/", "javascript:void(0)", "https://base.example/post");

    [Fact]
    public void Extract_KeepsRelativeHrefsAsWritten_WhenNoBase() =>
        AssertUrls("<a href='/login'>x</a><a href='page.html'>y</a>", "/login", "page.html");

    [Fact]
    public void Extract_ReturnsTextUrls_OutsideAnchorsAndHiddenElements() =>
        AssertLinks("""
            <html><head><title>http://title.example</title><style>a{background:url(http://css.example/x)}</style>
            <script>var u = "http://script.example";</script></head>
            <body><p>Visit https://text.example/a, then <a href="https://a.example">https://shown.example</a>.</p>
            <div>or www.bare.example</div><!-- http://comment.example --></body></html>
            """,
            ("https://text.example/a", null, LinkSource.Text),
            ("https://a.example", "https://shown.example", LinkSource.Anchor),
            ("www.bare.example", null, LinkSource.Text));

    [Fact]
    public void Extract_ReturnsTextUrls_InsideElementsNestedInAnchorSiblings() =>
        AssertUrls("<a href='https://a.example'><span>x</span></a><span>after http://after.example</span>",
            "https://a.example", "http://after.example");

    [Fact]
    public void Extract_ReturnsSvgAnchors_WithXlinkHref() =>
        AssertUrls("<svg><a xlink:href='https://svg.example/'><text>t</text></a></svg>", "https://svg.example/");

    [Fact]
    public void Extract_ReturnsEachDistinctLinkOnce_InDocumentOrder() =>
        AssertUrls("<a href='https://b.example'>x</a><a href='https://a.example'>x</a><a href='https://b.example'>x</a>",
            "https://b.example", "https://a.example");

    [Fact]
    public void Extract_DropsLinksAndNotesIt_WhenOverLinkLimit()
    {
        var notes = new List<string>();
        var html = string.Concat(Enumerable.Range(0, 10).Select(i => $"<a href='https://{i}.example'>x</a>"));
        var found = Extract(html, notes, ExtractionLimits.Default with { MaxLinksPerMessage = 3 });
        Assert.Equal(3, found.Count);
        Assert.Single(notes, n => n.Contains("links dropped"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not html at all < > & \0 \uD800")]
    [InlineData("<a href=")]
    [InlineData("<<<<a<a<a href='x'<<>>>></a></table></td><tr><svg><math><a href='https://m.example'>")]
    public void Extract_NeverThrows_ForMalformedInput(string html)
    {
        var notes = new List<string>();
        _ = Extract(html, notes);
        Assert.Empty(notes);
    }

    [Fact]
    public void Extract_DoesNotOverflowStack_WhenNestingIsVeryDeep()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 100_000)) + "<a href='https://deep.example'>x</a>";
        Assert.Equal("https://deep.example", Assert.Single(Extract(html)).Url);
    }

    // Inputs that make a tree builder quadratic (unclosed block, formatting and table elements) or walk-heavy (half
    // a million siblings). The extractor reads tokens in one linear pass, so each is read to its end with no note;
    // the test asserts that, not a time, but a quadratic pass would make it run for minutes.
    [Theory]
    [InlineData("<div>", 200_000)]
    [InlineData("<b>", 200_000)]
    [InlineData("<font color=red>", 100_000)]
    [InlineData("<table><tr><td>", 100_000)]
    [InlineData("<p>x</p>", 500_000)]
    [InlineData("<li>x<br>", 500_000)]
    public void Extract_ReadsWholeDocument_WhenMarkupIsPathological(string repeated, int count)
    {
        var html = "<a href='https://early.example'>x</a>" + string.Concat(Enumerable.Repeat(repeated, count)) +
                   "<a href='https://late.example'>y</a> http://text.example";
        var notes = new List<string>();

        var found = Extract(html, notes);

        Assert.Equal(["https://early.example", "https://late.example", "http://text.example"], found.Select(l => l.Url));
        Assert.Empty(notes);
    }

    [Fact]
    public void Extract_ReturnsFlatSiblingsQuickly_WhenPageHasManyParagraphs()
    {
        // 200,000 siblings under one parent: a NextSibling walk would be quadratic here.
        var html = string.Concat(Enumerable.Repeat("<p>x</p>", 200_000)) + "<a href='https://end.example'>x</a>";
        Assert.Equal("https://end.example", Assert.Single(Extract(html)).Url);
    }

    [Fact]
    public void Extract_ReadsOnlyTheLimit_WhenHtmlIsLong()
    {
        // A 5 MB body: links before the cut are found, links after it are not, and the cut is noted.
        var builder = new StringBuilder("<html><body>");
        builder.Append("<p><a href='https://first.example/'>first</a> and http://text.example/first</p>");
        var paragraph = "<p>Lorem ipsum <b>dolor</b> sit amet, <a href='https://repeat.example/'>consectetur</a> elit.</p>\n";
        while (builder.Length < 5 * 1024 * 1024)
            builder.Append(paragraph);
        builder.Append("<a href='https://last.example/'>last</a></body></html>");
        var html = builder.ToString();

        var notes = new List<string>();
        var found = Extract(html, notes, ExtractionLimits.Default with { MaxHtmlChars = 4 * 1024 * 1024 });

        Assert.Equal(["https://first.example/", "http://text.example/first", "https://repeat.example/"],
            found.Select(l => l.Url));
        Assert.Equal($"html truncated for scanning: body: {html.Length} chars, limit 4194304", Assert.Single(notes));
    }

    [Fact]
    public void Extract_ReadsWholeDocument_WhenLongHtmlIsUnderLimit()
    {
        var html = "<p>" + string.Concat(Enumerable.Repeat("<i>word</i> http://t.example ", 200_000)) +
                   "</p><a href='https://last.example/'>x</a>";
        var notes = new List<string>();
        Assert.Equal(["http://t.example", "https://last.example/"], Extract(html, notes).Select(l => l.Url));
        Assert.Empty(notes);
    }

    [Fact]
    public void Extract_GivesSameResults_WhenCalledFromManyThreads()
    {
        var extractor = new HtmlLinkExtractor();
        var inputs = Enumerable.Range(0, 32)
            .Select(i => $"<p>see http://t{i}.example</p><a href='https://a{i}.example/'>{i}</a>" + new string('x', i * 100))
            .ToArray();
        var expected = inputs.Select(h => extractor.Extract(h, LinkOrigin.Body, new List<string>())).ToArray();

        Parallel.For(0, 2_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var k = i % inputs.Length;
            Assert.Equal(expected[k], extractor.Extract(inputs[k], LinkOrigin.Body, new List<string>()));
        });
    }
}
