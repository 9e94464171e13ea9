using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary><see cref="HtmlScanner"/> where it reads as the HTML5 standard and browsers do and AngleSharp does not
/// (the rest is compared with AngleSharp in <see cref="HtmlScannerDifferentialTests"/>), and the extents it gives.</summary>
public class HtmlScannerTests
{
    [Theory]
    [InlineData("a &; b", "a &; b")]                     // AngleSharp drops the ';'
    [InlineData("&#x110000000041;", "\uFFFD")]          // AngleSharp wraps the number around to 'A'
    [InlineData("&#99999999999999999999;", "\uFFFD")]
    [InlineData("&#x41;&#65&amp;&ampx&notit;", "AA&&x¬it;")]
    [InlineData("a\r\nb\rc", "a\nb\nc")]
    [InlineData("a\0b", "ab")]                           // dropped in body text
    public void Text_ReadsAsBrowsersDo(string html, string text)
    {
        var scanner = new HtmlScanner(html.AsMemory());
        Assert.Equal(HtmlScanner.Kind.Text, scanner.Read());
        Assert.Equal(text, scanner.Text().ToString());
        Assert.Equal(HtmlScanner.Kind.EndOfFile, scanner.Read());
    }

    [Fact]
    public void EndTagLikeTextInATextarea_KeepsItsCase()
    {
        var scanner = new HtmlScanner("<textarea></DIV></TEXTAREA >".AsMemory());
        Assert.Equal(HtmlScanner.Kind.StartTag, scanner.Read());
        Assert.Equal(HtmlScanner.Kind.Text, scanner.Read());
        Assert.Equal("</DIV>", scanner.Text().ToString());
        Assert.Equal(HtmlScanner.Kind.EndTag, scanner.Read());
        Assert.Equal("textarea", scanner.Name.ToString());
    }

    [Fact]
    public void Tokens_GiveTheirExtentsInTheSource()
    {
        const string html = "x<!-- c --><A HREF = 'http://a.example/?a=1&amp;b=2' href=second title>y</a >";
        var scanner = new HtmlScanner(html.AsMemory());
        var tokens = new List<(HtmlScanner.Kind Kind, string Source)>();
        while (scanner.Read() != HtmlScanner.Kind.EndOfFile)
            tokens.Add((scanner.Current, html[scanner.Start..scanner.End]));

        Assert.Equal(
        [
            (HtmlScanner.Kind.Text, "x"),
            (HtmlScanner.Kind.StartTag, "<A HREF = 'http://a.example/?a=1&amp;b=2' href=second title>"),
            (HtmlScanner.Kind.Text, "y"),
            (HtmlScanner.Kind.EndTag, "</a >"),
        ], tokens);
    }

    [Fact]
    public void Attribute_IsTheFirstOfItsName_Decoded()
    {
        var scanner = new HtmlScanner("<A HREF = 'http://a.example/?a=1&amp;b=2&copy=3' href=second title>".AsMemory());
        Assert.Equal(HtmlScanner.Kind.StartTag, scanner.Read());
        Assert.Equal("a", scanner.Name.ToString());
        Assert.Equal("http://a.example/?a=1&b=2&copy=3", scanner.Attribute("href"));
        Assert.Equal("", scanner.Attribute("title"));
        Assert.Null(scanner.Attribute("src"));
    }

    [Theory]
    [InlineData("<a href='http://a.example/")] // a value the input ends in
    [InlineData("<a href=http://a.example/")]
    [InlineData("<a href")]
    [InlineData("<a")]
    public void ATagTheInputEndsIn_IsNoTag(string html)
    {
        var scanner = new HtmlScanner(html.AsMemory());
        Assert.Equal(HtmlScanner.Kind.EndOfFile, scanner.Read());
    }

    [Theory]
    [InlineData("<!-- <a href=x> -->", 0)]
    [InlineData("<!--><a href=x>", 1)]
    [InlineData("<!---><a href=x>", 1)]
    [InlineData("<!-- --!><a href=x>", 1)]
    [InlineData("<!-- -- ><a href=x> --->", 0)]
    [InlineData("<!DOCTYPE html \"><a href=x>\">", 1)] // a doctype ends at its first '>', quoted or not
    [InlineData("<? <a href=x> ?>", 0)]                // a bogus comment, to the first '>'
    [InlineData("</ <a href=x>", 0)]
    public void CommentsAndDoctypes_EndWhereBrowsersEndThem(string html, int anchors)
    {
        var scanner = new HtmlScanner(html.AsMemory());
        var found = 0;
        while (scanner.Read() != HtmlScanner.Kind.EndOfFile)
            found += scanner.Current == HtmlScanner.Kind.StartTag && scanner.Name.SequenceEqual("a") ? 1 : 0;
        Assert.Equal(anchors, found);
    }

    [Fact]
    public void ValuedAttributes_AreTheFirstOfEachName_AValuelessOneIncluded()
    {
        var scanner = new HtmlScanner("<a HREF=one title href=two Title=t id=x ID=y>".AsMemory());
        Assert.Equal(HtmlScanner.Kind.StartTag, scanner.Read());
        Assert.Equal([("href", "one"), ("id", "x")], scanner.ValuedAttributes().Select(a => (a.Name, a.Value)));
    }

    // Each attribute was compared with every one before it: 40k distinct names took 37 s, 285k (the 2M chars of a
    // large body) half an hour, in the rewriter, which reads every tag's attributes and has no length limit.
    [Fact]
    public void ValuedAttributes_OfATagWithAHundredThousandDistinctNames_AreReadInOnePass()
    {
        const int count = 100_000;
        var html = new System.Text.StringBuilder("<p");
        for (var i = 0; i < count; i++)
            html.Append(' ').Append((char)('a' + i % 26)).Append((char)('a' + i / 26 % 26)).Append((char)('a' + i / 676 % 26))
                .Append((char)('a' + i / 17576)).Append("=1");
        html.Append(" aaaa=duplicate>");
        var scanner = new HtmlScanner(html.ToString().AsMemory());
        Assert.Equal(HtmlScanner.Kind.StartTag, scanner.Read());

        var attributes = scanner.ValuedAttributes();

        Assert.Equal(count, attributes.Count);
        Assert.DoesNotContain(attributes, a => a.Value == "duplicate");
    }
}
